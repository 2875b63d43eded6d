/** Practice mode in the view: hints counted per requirement, the deviation form's validation, feedback hidden in interviews. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/app-store.ts';
import { startGrading } from '../../src/store/grading.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { createPracticeStore } from '../../src/store/practice-store.ts';
import { App } from '../../src/view/App.tsx';
import { fixtureContent } from './fixtures.ts';

/** A memory Storage, so tests do not share localStorage. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

function renderApp(storage = memoryStorage()) {
  const store = createAppStore({ content: fixtureContent(), storage, saveDelayMs: 20 });
  const stop = startGrading(store, inThreadAnalyser(fixtureContent()));
  let t = 1_700_000_000_000;
  const practice = createPracticeStore(store, { storage, now: () => t, newId: () => `a${t}` });
  const user = userEvent.setup();
  const view = render(<App store={store} practice={practice} />);
  return { store, practice, user, stop, storage, advance: (ms: number) => (t += ms), ...view };
}

/** A design whose stream has 2 provisioned shards: the fixture's only requirement fails. */
const underSized = (store: ReturnType<typeof renderApp>['store']) =>
  act(() => {
    const dev = store.getState().addService('iot-devices', { x: 0, y: 0 })!;
    const kds = store.getState().addService('amazon-kinesis-data-streams', { x: 300, y: 0 })!;
    store.getState().connect(dev, kds);
  });

const requirementItem = () =>
  within(screen.getByRole('list', { name: 'Requirements' }))
    .getAllByRole('listitem')
    .find((li) => li.dataset.requirement === 'ingestion')!;

describe('hints', () => {
  it('reveals hint 1, 2, 3 in turn for a failing requirement and counts each one', async () => {
    const { user, store, practice } = renderApp();
    underSized(store);
    await user.click(screen.getByRole('tab', { name: 'Scenario' }));
    await waitFor(() => expect(requirementItem()).toHaveAttribute('data-status', 'fail'));
    const item = requirementItem();
    await user.click(within(item).getByRole('button', { name: /Show a hint \(1 of 3\)/ }));
    expect(
      within(item)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['How much per shard?']);
    await user.click(within(item).getByRole('button', { name: /Another hint \(2 of 3\)/ }));
    await user.click(within(item).getByRole('button', { name: /Another hint \(3 of 3\)/ }));
    expect(within(item).getAllByRole('listitem')).toHaveLength(3);
    expect(within(item).queryByRole('button', { name: /hint/ })).toBeNull();
    expect(practice.getState().notes.hintsUsed).toEqual({ ingestion: 3 });

    // The count goes with the submitted attempt, and the next attempt starts at zero.
    await user.click(screen.getByRole('tab', { name: 'Practice' }));
    expect(await screen.findByTestId('attempt-status')).toHaveTextContent('Hints used: 3'); // the tab's panel loads on first open
    await user.click(screen.getByRole('button', { name: 'Submit attempt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Attempt recorded' });
    expect(within(dialog).getByTestId('result-hints')).toHaveTextContent('3');
    expect(practice.getState().history.attempts.map((a) => a.hintsUsed)).toEqual([3]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.getByTestId('attempt-status')).toHaveTextContent('Hints used: 0');
  });

  it('offers no hint for a requirement that passes', async () => {
    const { user, store } = renderApp();
    act(() => void store.getState().loadReference());
    await user.click(screen.getByRole('tab', { name: 'Scenario' }));
    await waitFor(() => expect(requirementItem()).toHaveAttribute('data-status', 'pass'));
    expect(within(requirementItem()).queryByRole('button', { name: /hint/ })).toBeNull();
  });
});

describe('deviation form', () => {
  it('refuses a reason under 10 characters inline, then shows the requirement as accepted (not pass)', async () => {
    const { user, store, practice, storage } = renderApp();
    underSized(store);
    act(() => store.getState().setRightTab('feedback'));
    const result = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.result[data-requirement="ingestion"]');
      expect(el).toHaveAttribute('data-status', 'fail');
      return el!;
    });
    await user.click(within(result).getByRole('button', { name: 'Accept as a trade-off…' }));
    const reason = within(result).getByRole('textbox', { name: 'Why is this an acceptable trade-off?' });
    expect(reason).toHaveFocus();
    await user.type(reason, 'cheaper');
    await user.click(within(result).getByRole('button', { name: 'Accept trade-off' }));
    expect(within(result).getByRole('alert')).toHaveTextContent('Write at least 10 characters (7 so far).');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(practice.getState().notes.deviations).toEqual({});
    expect(result).toHaveAttribute('data-status', 'fail');

    await user.type(reason, ' for a pilot of 100 devices');
    expect(within(result).queryByRole('alert')).toBeNull();
    await user.click(within(result).getByRole('button', { name: 'Accept trade-off' }));
    expect(result).toHaveAttribute('data-status', 'accepted');
    expect(within(result).getByText('Accepted', { selector: '.pill' })).toBeInTheDocument();
    expect(result).toHaveTextContent('Accepted trade-off: cheaper for a pilot of 100 devices');
    expect(screen.getByText('accepted', { selector: '.count-accepted' })).toHaveTextContent('1 accepted');
    // The engine's verdict stands, and the note is stored beside (not in) the design.
    expect(store.getState().report!.results[0]!.status).toBe('fail');
    expect(JSON.parse(storage.getItem('archboard:notes:iot-5tb-day')!).deviations.ingestion.reason).toBe('cheaper for a pilot of 100 devices');

    await user.click(within(result).getByRole('button', { name: 'Withdraw' }));
    expect(result).toHaveAttribute('data-status', 'fail');
  });

  it('cancels with Escape without saving', async () => {
    const { user, store, practice } = renderApp();
    underSized(store);
    act(() => store.getState().setRightTab('feedback'));
    const open = await screen.findByRole('button', { name: 'Accept as a trade-off…' });
    await user.click(open);
    await user.type(screen.getByRole('textbox', { name: /acceptable trade-off/ }), 'a perfectly long reason{Escape}');
    expect(screen.queryByRole('textbox', { name: /acceptable trade-off/ })).toBeNull();
    expect(practice.getState().notes.deviations).toEqual({});
  });
});

describe('interview mode', () => {
  it('hides statuses, marks and the score until submission, then shows the result page', async () => {
    const { user, store, practice, advance } = renderApp();
    underSized(store);
    await user.click(screen.getByRole('tab', { name: 'Practice' }));
    const requirements = screen.getByRole('spinbutton', { name: 'Requirements' });
    await user.clear(requirements);
    await user.type(requirements, '0');
    await user.click(screen.getByRole('button', { name: /Start interview/ }));
    expect(screen.getByRole('alert')).toHaveTextContent(/whole number of minutes from 1 to 120/);
    expect(practice.getState().session.interview).toBeUndefined();
    await user.clear(requirements);
    await user.type(requirements, '10');
    await user.click(screen.getByRole('button', { name: 'Start interview (50 min)' }));

    expect(store.getState().feedbackHidden).toBe(true);
    // The interview bar loads when the interview starts (a lazy chunk).
    expect(await screen.findByRole('region', { name: 'Interview' })).toHaveTextContent('Requirements: 10:00 left');
    expect(requirementItem()).toHaveAttribute('data-status', 'pending');
    expect(document.querySelector('.header-score')).toBeNull();
    expect(document.querySelector('.svc-status')).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Feedback' }));
    expect(screen.getByText('Feedback is hidden during the interview')).toBeInTheDocument();

    advance(12 * 60_000);
    await user.click(screen.getByRole('button', { name: 'Submit design' }));
    const dialog = await screen.findByRole('dialog', { name: 'Your interview result' });
    expect(within(dialog).getByTestId('result-time')).toHaveTextContent('12:00 of 50 min');
    expect(within(dialog).getByRole('rowheader', { name: 'Performance Efficiency' })).toBeInTheDocument();
    expect(store.getState().feedbackHidden).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Review feedback' }));
    expect(screen.getByRole('tab', { name: /^Feedback/ })).toHaveAttribute('aria-selected', 'true');
    expect(document.querySelector('.result[data-requirement="ingestion"]')).toHaveAttribute('data-status', 'fail');
  });
});
