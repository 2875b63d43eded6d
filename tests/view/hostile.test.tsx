/**
 * Hostile content in the view: labels holding HTML, script, `javascript:` URLs, right-to-left and
 * zero-width characters render as the text they are, on the canvas node, in the inspector, and in
 * feedback that quotes them; nothing they hold is parsed into elements. And an import over 10 MB is
 * refused without reading the file.
 */
import { getDefaultNormalizer, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Content } from '../../src/domain/content.ts';
import { DESIGN_VERSION, type Design } from '../../src/domain/design.ts';
import type { Rule } from '../../src/domain/rule-kit.ts';
import { defineRule } from '../../src/domain/rule-kit.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { startGrading } from '../../src/store/grading.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { App } from '../../src/view/App.tsx';
import { MAX_DESIGN_BYTES } from '../../src/domain/design.ts';
import { fixtureContent } from './fixtures.ts';

const HOSTILE_LABELS = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', 'javascript:alert(3)', '\u202Egnp.exe\u202C \u200B\u200Dhidden\uFEFF', 'x'.repeat(200)];

/** The fixture content plus a rule whose findings quote every node's label, as real rules do. */
function quotingContent(): Content {
  const base = fixtureContent();
  const quote: Rule<Record<string, never>> = defineRule({
    id: 'quote-labels',
    title: 'Quotes labels',
    summary: 'A rule for this test.',
    pillar: 'security',
    docUrl: 'https://docs.aws.amazon.com/',
    params: z.object({}),
    check(graph, _params, ctx) {
      for (const n of graph.nodes) ctx.fail({ code: 'quoted', nodeIds: [n.id], message: `Service “${n.label}” is quoted here.`, remediation: `Rename “${n.label}”.` });
    },
  });
  const scenario = structuredClone(base.scenarios[0]!.scenario);
  scenario.requirements.push({ ...scenario.requirements[0]!, id: 'quoted', text: 'Labels are quoted', rule: 'quote-labels', params: {}, severity: 'warning' });
  return { ...base, rules: new Map([...base.rules, [quote.id, quote as Rule<unknown>]]), scenarios: [{ ...base.scenarios[0]!, scenario }] };
}

function hostileDesign(): Design {
  return {
    format: 'archboard.design',
    version: DESIGN_VERSION,
    scenarioId: 'iot-5tb-day',
    nodes: HOSTILE_LABELS.map((label, i) => ({ id: `n${i}`, service: 'amazon-s3', label, position: { x: i * 260, y: 0 } })),
    edges: [],
  };
}

function renderWith(design: Design) {
  localStorage.setItem('archboard:design:iot-5tb-day', JSON.stringify(design));
  const content = quotingContent();
  const store = createAppStore({ content, storage: localStorage, saveDelayMs: 20 });
  startGrading(store, inThreadAnalyser(content));
  const user = userEvent.setup();
  const view = render(<App store={store} />);
  return { store, user, ...view };
}

/** Elements or handlers the labels would create if they were parsed as HTML. */
function injected(root: ParentNode) {
  return {
    images: root.querySelectorAll('img[src="x"]').length,
    scripts: [...root.querySelectorAll('script')].filter((s) => s.textContent?.includes('alert')).length,
    handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    links: [...root.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')!.toLowerCase().startsWith('javascript:')).length,
  };
}
const NONE = { images: 0, scripts: 0, handlers: 0, links: 0 };
/** Text matched exactly as stored (no trimming or collapsing of the odd characters). */
const exact = { normalizer: getDefaultNormalizer({ trim: false, collapseWhitespace: false }) };

describe('hostile labels', () => {
  it('show as text on the canvas nodes, with nothing parsed into elements', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const { container } = renderWith(hostileDesign());
    await waitFor(() => expect(container.querySelectorAll('.svc-label')).toHaveLength(HOSTILE_LABELS.length));
    expect([...container.querySelectorAll('.svc-label')].map((el) => el.textContent)).toEqual(HOSTILE_LABELS);
    expect(injected(document)).toEqual(NONE);
    expect(alert).not.toHaveBeenCalled();
  });

  it('show as text in the inspector and in feedback that quotes them', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const { store, user } = renderWith(hostileDesign());
    store.getState().select({ nodeIds: ['n0'], edgeIds: [] });
    store.getState().setRightTab('inspector');
    const input = await screen.findByLabelText('Label', {}, { timeout: 5000 });
    expect(input).toHaveValue(HOSTILE_LABELS[0]);
    expect(await screen.findByText(`Service “${HOSTILE_LABELS[0]}” is quoted here.`, exact)).toBeInTheDocument();

    // Typed in, a script tag is stored and shown as typed.
    await user.clear(input);
    await user.type(input, '<script>alert(4)</script>');
    await waitFor(() => expect(store.getState().design.nodes[0]!.label).toBe('<script>alert(4)</script>'));

    await user.click(screen.getByRole('tab', { name: /Feedback/ }));
    const feedback = screen.getByRole('tabpanel');
    await within(feedback).findByText(`Service “<script>alert(4)</script>” is quoted here.`, exact); // the tab's panel loads on first open
    for (const label of ['<script>alert(4)</script>', ...HOSTILE_LABELS.slice(1)]) expect(within(feedback).getByText(`Service “${label}” is quoted here.`, exact)).toBeInTheDocument();
    expect(injected(document)).toEqual(NONE);
    expect(alert).not.toHaveBeenCalled();
  });

  it('are refused on import when longer than 200 characters, naming the place', async () => {
    const { store } = renderWith(hostileDesign());
    const tooLong = { ...hostileDesign(), nodes: [{ id: 'long', service: 'amazon-s3', label: 'y'.repeat(201), position: { x: 0, y: 0 } }] };
    expect(store.getState().importText(JSON.stringify(tooLong), 'long.json')).toBe(false);
    expect(store.getState().problemsDialog?.problems).toEqual([expect.objectContaining({ path: '$.nodes[0].label' })]);
    expect(store.getState().design.nodes).toHaveLength(HOSTILE_LABELS.length);
  });
});

describe('import size limit', () => {
  it('refuses a file over 10 MB before reading a byte of it', async () => {
    const { store, user } = renderWith(hostileDesign());
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: MAX_DESIGN_BYTES + 1 });
    const text = vi.spyOn(file, 'text');
    const arrayBuffer = vi.spyOn(file, 'arrayBuffer');
    const readAsText = vi.spyOn(FileReader.prototype, 'readAsText');
    await user.upload(screen.getByTestId('import-input'), file);

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Could not import huge.json');
    expect(dialog).toHaveTextContent(/larger than 10 MB are refused/);
    expect(text).not.toHaveBeenCalled();
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(readAsText).not.toHaveBeenCalled();
    expect(store.getState().design.nodes).toHaveLength(HOSTILE_LABELS.length);
  });

  it('reads a file of exactly 10 MB', async () => {
    const { user } = renderWith(hostileDesign());
    const file = new File(['not json'], 'edge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: MAX_DESIGN_BYTES });
    const text = vi.spyOn(file, 'text');
    await user.upload(screen.getByTestId('import-input'), file);
    await waitFor(() => expect(text).toHaveBeenCalledTimes(1));
  });
});
