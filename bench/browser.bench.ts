/**
 * The browser half of `npm run bench` (run after bench/grade.bench.ts). Builds the app into
 * `dist-bench/` and the bare React Flow baseline (bench/bare/) into `dist-bench/bare/`, serves both as a
 * static host serves a production build (see `serveBuilt`) on 127.0.0.1:4184 (BENCH_PORT overrides),
 * drives headless Chromium (/usr/bin/chromium)
 * and measures, on designs tiled from the IoT reference design (bench/designs.ts):
 *  - feedback: ms from a settings change in the inspector (Kinesis capacity mode) to the updated
 *    "n/m requirements pass" text, painted (next animation frame), on 200 nodes; median of several changes;
 *  - drag and load at 200, 500 and 1,000 nodes, the app against the bare page with the same nodes,
 *    canvas size and viewport (alternating, same run), as ../shared/tools/canvas-bench measures: the
 *    frames in which the dragged node visibly moved (of 60 mouse moves at 60 Hz), main-thread busy ms
 *    per visible move, load from navigation start to all nodes visible, and the ratios;
 *  - layout: Auto-layout of 200 nodes (elkjs in its Web Worker): wall ms and longest main-thread task;
 *  - cold load: navigation start to the first palette item and the first node of a stored design,
 *    cache disabled, fresh page each time;
 *  - PNG export of 200 nodes: button click to the download event, median of 5, with the phases the
 *    app records as User Timing measures (icons, render, encode-png);
 *  - draw.io import of about 5,000 cells through the Import input: wall ms and the longest task;
 *  - bundle: the JS that index.html loads eagerly, gzipped with zlib (level 9), and the lazy chunks.
 * Prints tables, merges `browser` and `bundle` into bench/results.json, and lists each target as met
 * or missed. Figures only: nothing here fails on a slow machine.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { build } from 'vite';
import { readDrawioFile } from '../src/adapters/drawio-file.ts';
import { designToDrawio } from '../src/domain/drawio-export.ts';
import { content, gridDesign, tiledDesign } from './designs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist-bench');
const PORT = Number(process.env.BENCH_PORT ?? 4184);
const BASE = `http://127.0.0.1:${PORT}`;
const RESULTS = join(ROOT, 'bench', 'results.json');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 720 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Records long tasks (>= 50 ms) from page start, readable as `window.__bench.longtasks`. */
const INIT_LONGTASKS = () => {
  const w = window as unknown as { __bench: { longtasks: { start: number; duration: number }[] } };
  w.__bench = { longtasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* not supported */
  }
};

async function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate((t0) => {
    const w = window as unknown as { __bench: { longtasks: { start: number; duration: number }[] } };
    return Math.max(0, ...w.__bench.longtasks.filter((t) => t.start + t.duration >= t0).map((t) => t.duration));
  }, since);
}
/**
 * A browser context whose pages define `__name`: tsx (esbuild, keepNames) wraps named functions in the
 * callbacks passed to page.evaluate with `__name(...)`, which the page would not know.
 */
async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());

async function buildAll() {
  const t0 = Date.now();
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  await build({ root: join(ROOT, 'bench', 'bare'), configFile: false, base: '/bare/', logLevel: 'warn', plugins: [react()], build: { outDir: join(OUT, 'bare'), emptyOutDir: false, target: 'es2022', chunkSizeWarningLimit: 2000 } });
  console.log(`built the app and the bare page into dist-bench/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Files `serveBuilt` sends gzipped. */
const COMPRESSED = new Set(['.js', '.css', '.html', '.svg', '.json', '.wasm']);

/**
 * Serves the build (the app, and the bare page under /bare/) on 127.0.0.1:`PORT` as a static host or a
 * CDN serves a production build: each text file compressed once, here with gzip (level 9) next to it
 * as `name.gz`, and sent compressed (sirv). Both pages are served the same way. (`vite preview`
 * compresses every response anew, a cost of the preview tool that grows with the bytes sent: the app
 * sends 2.7x the bare page's JS, so its load figures there include that server work too.)
 */
async function serveBuilt(): Promise<Server> {
  for (const file of readdirSync(OUT, { recursive: true, encoding: 'utf8' })) if (COMPRESSED.has(extname(file))) writeFileSync(join(OUT, `${file}.gz`), gzipSync(readFileSync(join(OUT, file)), { level: 9 }));
  const serve = sirv(OUT, { gzip: true, etag: true });
  const server = createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(PORT, '127.0.0.1', ok));
  return server;
}

/** Sizes of the built JS: what index.html loads eagerly (script + modulepreload) and the rest. */
function bundleSizes() {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const eager = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]!);
  const size = (file: string) => {
    const buf = readFileSync(join(OUT, file));
    return { file, kB: round(buf.length / 1024), gzipKB: round(gzipSync(buf, { level: 9 }).length / 1024) };
  };
  const all = readdirSync(join(OUT, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const initial = [...eager].map(size);
  const lazy = all
    .filter((f) => !eager.has(f))
    .map(size)
    .sort((a, b) => b.kB - a.kB);
  const sum = (xs: { kB: number; gzipKB: number }[]) => ({ kB: round(xs.reduce((a, x) => a + x.kB, 0)), gzipKB: round(xs.reduce((a, x) => a + x.gzipKB, 0)) });
  return { initialJs: { ...sum(initial), files: initial }, initialCss: sum(css.map(size)), lazy };
}

/** Opens the app with an empty store (the IoT scenario, the default), long tasks recorded, once the palette is up. */
async function openApp(browser: Browser): Promise<Page> {
  const context = await newContext(browser, { acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(INIT_LONGTASKS);
  await page.goto(BASE + '/');
  await page.locator('.palette-item').first().waitFor();
  return page;
}

/** Opens the app (`openApp`) and imports a design through the Import file input. */
async function openWithDesign(browser: Browser, nodes: number, design = tiledDesign(nodes)): Promise<Page> {
  const page = await openApp(browser);
  await page.getByTestId('import-input').setInputFiles({ name: `bench-${nodes}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, design.nodes.length, { timeout: 60_000 });
  await page.locator('.header-score').waitFor();
  await page.waitForTimeout(800); // fitView animation and the first grading settle
  return page;
}

/** Notes in the page whether the canvas's progress status ever shows (read with `progressWasSeen`). */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __progressSeen: boolean };
    w.__progressSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.canvas-progress')) w.__progressSeen = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
}
const progressWasSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen);

/** Makes the file in the page, in a task of its own (the harness's work, not the app's), for `chooseFile`. */
async function handFile(page: Page, text: string, name: string, type: string) {
  await page.evaluate(([t, n, ty]) => ((window as unknown as { __file: File }).__file = new File([t], n, { type: ty })), [text, name, type] as const);
}

/** Chooses the file made by `handFile` in the Import input, as a user picking it does. */
async function chooseFile(page: Page) {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="import-input"]')!;
    const files = new DataTransfer();
    files.items.add((window as unknown as { __file: File }).__file);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/**
 * (f) Big import: a 10,000-node design file through the Import input: wall ms to all requirements
 * graded, the longest main-thread task (PerformanceObserver 'longtask') from the file being chosen to
 * the end, and whether the progress status was seen. Then a paste of the same 10,000 nodes.
 */
async function bigImport(browser: Browser, nodes = 10_000) {
  const page = await openApp(browser);
  const design = tiledDesign(nodes);
  const text = JSON.stringify(design);
  await watchProgress(page);
  // The file is made in the page first, in a task of its own: handing 2.8 MB to the page is the
  // harness's work (Playwright's setInputFiles decodes it in the page for ~340 ms), not the app's.
  await handFile(page, text, `bench-${nodes}.json`, 'application/json');
  const t0 = await pageNow(page);
  const wall0 = Date.now();
  await chooseFile(page);
  await page.waitForFunction(() => document.querySelector('.toast')?.textContent?.includes('Imported'), undefined, { timeout: 120_000 });
  await page.locator('.header-score').waitFor();
  const importWallMs = Date.now() - wall0;
  // Let the saver and the render settle, then read the tasks.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  const importLongestTaskMs = await longestTaskSince(page, t0);
  const progressSeen = await progressWasSeen(page);
  const tasks = await page.evaluate((since) => (window as unknown as { __bench: { longtasks: { start: number; duration: number }[] } }).__bench.longtasks.filter((t) => t.start >= since).map((t) => Math.round(t.duration)), t0);

  console.log({ importWallMs, importLongestTaskMs, progressSeen, tasks });
  await page.context().close();
  // Paste the same design as text (a copy from another tab) on a fresh page.
  const page2 = await openApp(browser);
  // The text reaches the page first, in a task of its own (the harness's work), then the paste.
  await page2.evaluate((t) => ((window as unknown as { __text: string }).__text = t), text);
  const t1 = await pageNow(page2);
  const wall1 = Date.now();
  await page2.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', (window as unknown as { __text: string }).__text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page2.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0 && !document.querySelector('.canvas-progress') && (document.querySelector('.header-score')?.textContent ?? '').includes('/'), undefined, {
    timeout: 120_000,
  });
  const pasteWallMs = Date.now() - wall1;
  await page2.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  const pasteLongestTaskMs = await longestTaskSince(page2, t1);
  const pasteTasks = await page2.evaluate((since) => (window as unknown as { __bench: { longtasks: { start: number; duration: number }[] } }).__bench.longtasks.filter((t) => t.start >= since).map((t) => Math.round(t.duration)), t1);
  await page2.context().close();
  return {
    nodes: design.nodes.length,
    edges: design.edges.length,
    textMB: round(text.length / 1024 / 1024, 2),
    importWallMs,
    importLongestTaskMs: round(importLongestTaskMs),
    longTasksMs: tasks,
    progressSeen,
    pasteWallMs,
    pasteLongestTaskMs: round(pasteLongestTaskMs),
    pasteLongTasksMs: pasteTasks,
  };
}

/**
 * (g) draw.io import of about 5,000 cells (the draw.io export of a 2,000-node tiled design) through
 * the Import input: wall ms to the "Imported" dialog, the longest main-thread task from the file being
 * chosen to the end, and whether the progress status was seen.
 */
async function drawioImport(browser: Browser, nodes = 2000) {
  const page = await openApp(browser);
  const text = designToDrawio(tiledDesign(nodes), content.catalog);
  const read = readDrawioFile(text);
  const cells = read.ok ? read.pages[0]!.cells.length : 0;
  await watchProgress(page);
  await handFile(page, text, 'bench.drawio', 'application/xml');
  const t0 = await pageNow(page);
  const wall0 = Date.now();
  await chooseFile(page);
  await page.getByRole('dialog', { name: 'Imported bench.drawio' }).waitFor({ timeout: 120_000 });
  const wallMs = Date.now() - wall0;
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  const longestTaskMs = await longestTaskSince(page, t0);
  const progressSeen = await progressWasSeen(page);
  await page.context().close();
  return { cells, kB: round(text.length / 1024), wallMs, longestTaskMs: round(longestTaskMs), progressSeen };
}

/** (a) Settings change in the inspector to the updated requirement count, painted. */
async function feedbackLatency(browser: Browser) {
  const page = await openWithDesign(browser, 200);
  const kds = page.locator('.react-flow__node[data-id="kds#0"]');
  await kds.focus();
  await page.keyboard.press('Enter');
  // Encryption at rest: the tiled design's 14 streams all pass the encryption requirement, so taking
  // it off one stream changes the requirement count (capacity mode does not: other tiles fail sizing anyway).
  const select = page.locator('.inspector select[name="encryption"]');
  await select.waitFor();
  const times: number[] = [];
  const toMutation: number[] = [];
  let changed = 0;
  for (let i = 0; i < 9; i++) {
    const next = (await select.inputValue()) === 'none' ? 'sse-kms' : 'none';
    const r = await page.evaluate(async (value) => {
      const score = document.querySelector('.header-score')!;
      const before = score.textContent;
      const el = document.querySelector<HTMLSelectElement>('.inspector select[name="encryption"]')!;
      const done = new Promise<{ mutation: number; painted: number; changed: boolean }>((resolve) => {
        let t0 = 0;
        const finish = (changed: boolean) => {
          const mutation = performance.now() - t0;
          requestAnimationFrame(() => resolve({ mutation, painted: performance.now() - t0, changed }));
        };
        const obs = new MutationObserver(() => {
          if (score.textContent !== before) {
            obs.disconnect();
            clearTimeout(timeout);
            finish(true);
          }
        });
        obs.observe(score, { subtree: true, childList: true, characterData: true });
        const timeout = setTimeout(() => {
          obs.disconnect();
          finish(false);
        }, 3000);
        t0 = performance.now();
        const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
        setter.call(el, value);
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      return done;
    }, next);
    if (r.changed) {
      changed++;
      if (i > 0) {
        times.push(r.painted);
        toMutation.push(r.mutation);
      }
    }
    await page.waitForTimeout(150);
  }
  await page.context().close();
  if (!times.length) throw new Error('feedback: the requirement count never changed after a settings change');
  return { nodes: 200, changes: times.length, medianMs: round(median(times)), maxMs: round(Math.max(...times)), medianToDomMs: round(median(toMutation)), countChangedEvery: changed === 9 };
}

/** Node counts the drag and the load are measured at, app against the bare page (`BENCH_SIZES=200,500` for fewer, with BENCH_ONLY). */
const DRAG_SIZES = (process.env.BENCH_SIZES ?? '200,500,1000').split(',').map(Number);
/** Measured drags (after one warm-up) per page and size. */
const DRAG_RUNS = 3;
/**
 * Further page loads per page and size, app and bare alternating, for the load figure (its median is
 * taken over these and the drag runs' loads): a load on this 2-core machine varies by ±15 % from one
 * to the next, so three would leave the ratio to chance.
 */
const LOAD_RUNS = 8;
/** `BENCH_TRACE=dir`: where to write drag traces (see dragAndLoad). */
const TRACE_DIR = process.env.BENCH_TRACE;

/**
 * One drag as the user sees it (the measure of ../shared/tools/canvas-bench): the stream node nearest
 * the canvas centre that is fully on screen is pressed and moved 240 px in 60 mouse moves sent every 16 ms
 * without waiting for the page (a 60 Hz mouse: Chromium coalesces moves when the page is slow).
 * @returns `updates`: frames in which the dragged node's transform changed (what the user sees move);
 *   `mainMs`: renderer main-thread busy ms during the gesture (CDP Performance TaskDuration);
 *   `msPerUpdate`: mainMs / updates; `longestTaskMs`: longest task overlapping the gesture
 */
async function dragVisible(page: Page, canvasSelector: string, traceFile?: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const trace: unknown[] = [];
  if (traceFile) {
    cdp.on('Tracing.dataCollected', (e) => trace.push(...(e.value as unknown[])));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] }, transferMode: 'ReportEvents' });
  }
  const target = await page.evaluate((sel) => {
    const box = document.querySelector(sel)!.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    let best: { id: string; x: number; y: number; d: number } | undefined;
    // A stream (every tile has one, wired both ways); the same node on both pages.
    for (const el of document.querySelectorAll<HTMLElement>(`${sel} .react-flow__node[data-id^="kds#"]`)) {
      const r = el.getBoundingClientRect();
      if (r.left < box.left || r.right > box.right - 260 || r.top < box.top || r.bottom > box.bottom) continue;
      const x = r.left + Math.min(30, r.width / 2);
      const y = r.top + r.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (!best || d < best.d) best = { id: el.dataset.id!, x, y, d };
    }
    return best!;
  }, canvasSelector);
  await page.evaluate(
    ([sel, id]) => {
      const w = window as unknown as { __drag: { updates: number; on: boolean } };
      const el = document.querySelector<HTMLElement>(`${sel} .react-flow__node[data-id="${CSS.escape(id!)}"]`)!;
      w.__drag = { updates: 0, on: true };
      let last = el.style.transform;
      const tick = () => {
        if (el.style.transform !== last) {
          last = el.style.transform;
          w.__drag.updates++;
        }
        if (w.__drag.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    [canvasSelector, target.id] as const,
  );
  const busy = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  const t0 = await pageNow(page);
  const move = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) =>
    cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: type === 'mouseMoved' ? 0 : 1 });
  await move('mouseMoved', target.x, target.y);
  await move('mousePressed', target.x, target.y);
  const busy0 = await busy();
  const sent: Promise<unknown>[] = [];
  for (let i = 1; i <= 60; i++) {
    sent.push(move('mouseMoved', target.x + i * 4, target.y + Math.round(Math.sin(i / 6) * 20)));
    await new Promise((r) => setTimeout(r, 16)); // the mouse's pace, not a wait for the page
  }
  await Promise.all(sent);
  await move('mouseReleased', target.x + 240, target.y + Math.round(Math.sin(10) * 20));
  const mainMs = (await busy()) - busy0;
  const updates = await page.evaluate(() => {
    const w = window as unknown as { __drag: { updates: number; on: boolean } };
    w.__drag.on = false;
    return w.__drag.updates;
  });
  const longestTaskMs = await longestTaskSince(page, t0);
  if (traceFile) {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(traceFile, JSON.stringify({ traceEvents: trace }));
  }
  await cdp.detach();
  return { updates, mainMs, msPerUpdate: mainMs / Math.max(1, updates), longestTaskMs };
}

/** The bare page with the app page's nodes, edges, canvas size and viewport (as the app page, it counts its nodes visible from the start). */
async function openBare(browser: Browser, design: ReturnType<typeof tiledDesign>, canvas: { width: number; height: number }, viewport: { x: number; y: number; zoom: number }) {
  const context = await newContext(browser);
  await context.addInitScript((n) => ((window as unknown as { __expect: number }).__expect = n), design.nodes.length);
  const page = await context.newPage();
  await page.addInitScript(INIT_LONGTASKS);
  await page.addInitScript(INIT_VISIBLE);
  await page.addInitScript((flow) => ((window as unknown as { __BENCH_FLOW: unknown }).__BENCH_FLOW = flow), {
    nodes: design.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.label ?? n.service } })),
    edges: design.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    width: canvas.width,
    height: canvas.height,
    viewport,
  });
  await page.goto(BASE + '/bare/');
  return page;
}

/** Records the time (ms after navigation start) of the first frame in which `__expect` nodes are visible. */
const INIT_VISIBLE = () => {
  const w = window as unknown as { __expect?: number; __visibleAt?: number };
  const tick = () => {
    const want = w.__expect;
    if (want !== undefined) {
      let n = 0;
      for (const el of document.querySelectorAll('.react-flow__node')) if (el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)) n++;
      if (n >= want) {
        w.__visibleAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** The app with `design` stored before it starts (as a saved design from an earlier visit). */
async function openAppStored(browser: Browser, design: ReturnType<typeof tiledDesign>) {
  const context = await newContext(browser);
  const text = JSON.stringify(design);
  // The app copies localStorage into its IndexedDB store on first open (src/adapters/storage.ts).
  await context.addInitScript(
    ([t, n]) => {
      (window as unknown as { __expect: number }).__expect = n;
      try {
        if (!sessionStorage.getItem('bench-seeded')) localStorage.setItem(`archboard:design:${JSON.parse(t).scenarioId}`, t);
        sessionStorage.setItem('bench-seeded', '1');
      } catch {
        /* storage refused */
      }
    },
    [text, design.nodes.length] as const,
  );
  const page = await context.newPage();
  await page.addInitScript(INIT_LONGTASKS);
  await page.addInitScript(INIT_VISIBLE);
  await page.goto(BASE + '/');
  await page.waitForFunction(() => (window as unknown as { __visibleAt?: number }).__visibleAt !== undefined, undefined, { timeout: 60_000 });
  return page;
}

/**
 * (b) Drag and load at 200, 500 and 1,000 nodes, the app against the bare page in the same run
 * (pages alternate): per size the medians of `DRAG_RUNS` drags (visible updates of the dragged node,
 * main-thread ms per visible update) and of `DRAG_RUNS + LOAD_RUNS` page loads (navigation start to all
 * nodes visible), and the ratios app / bare. The bare page gets the app's canvas size and viewport.
 */
async function dragAndLoad(browser: Browser) {
  const out = [];
  for (const n of DRAG_SIZES) {
    const design = tiledDesign(n);
    const app: { updates: number; msPerUpdate: number; longestTaskMs: number }[] = [];
    const bare: typeof app = [];
    const appLoads: number[] = [];
    const bareLoads: number[] = [];
    let shape: { canvas: { width: number; height: number }; viewport: { x: number; y: number; zoom: number } } | undefined;
    for (let run = 0; run <= DRAG_RUNS; run++) {
      const a = await openAppStored(browser, design);
      await a.waitForTimeout(800); // fit animation and the first grading settle
      const loadA = await a.evaluate(() => (window as unknown as { __visibleAt: number }).__visibleAt);
      const canvas = (await a.locator('.canvas .react-flow').boundingBox())!;
      const viewport = await a.evaluate(() => {
        const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.canvas .react-flow__viewport')!).transform);
        return { x: m.e, y: m.f, zoom: m.a };
      });
      // BENCH_TRACE=dir writes a Chromium trace of each size's first measured drag, app and bare (figures then include tracing's cost).
      const traceOf = (page: string) => (TRACE_DIR && run === 1 ? join(TRACE_DIR, `drag-${page}-${n}.json`) : undefined);
      const dragA = await dragVisible(a, '.canvas', traceOf('app'));
      await a.context().close();
      const b = await openBare(browser, design, canvas, viewport);
      await b.waitForFunction(() => (window as unknown as { __visibleAt?: number }).__visibleAt !== undefined, undefined, { timeout: 60_000 });
      await b.waitForTimeout(800);
      const loadB = await b.evaluate(() => (window as unknown as { __visibleAt: number }).__visibleAt);
      const dragB = await dragVisible(b, '[data-testid="bare"]', traceOf('bare'));
      await b.context().close();
      if (run === 0) continue; // warm-up (first build of the pages' code, caches)
      app.push(dragA);
      bare.push(dragB);
      appLoads.push(loadA);
      bareLoads.push(loadB);
      shape = { canvas, viewport };
    }
    for (let run = 0; run < LOAD_RUNS; run++) {
      const a = await openAppStored(browser, design);
      appLoads.push(await a.evaluate(() => (window as unknown as { __visibleAt: number }).__visibleAt));
      await a.context().close();
      const b = await openBare(browser, design, shape!.canvas, shape!.viewport);
      await b.waitForFunction(() => (window as unknown as { __visibleAt?: number }).__visibleAt !== undefined, undefined, { timeout: 60_000 });
      bareLoads.push(await b.evaluate(() => (window as unknown as { __visibleAt: number }).__visibleAt));
      await b.context().close();
    }
    const med = (rs: typeof app, loads: number[]) => ({
      loadMs: round(median(loads)),
      loads: loads.length,
      updates: median(rs.map((r) => r.updates)),
      msPerUpdate: round(median(rs.map((r) => r.msPerUpdate)), 2),
      longestTaskMs: round(Math.max(...rs.map((r) => r.longestTaskMs))),
    });
    const A = med(app, appLoads);
    const B = med(bare, bareLoads);
    const row = { nodes: n, app: A, bare: B, msPerUpdateRatio: round(A.msPerUpdate / B.msPerUpdate, 2), updatesShare: round(A.updates / B.updates, 2), loadRatio: round(A.loadMs / B.loadMs, 2) };
    console.log('drag and load', row);
    out.push(row);
  }
  return out;
}

/** (c) Auto-layout of 200 nodes in the worker: wall time (button click to the button back) and longest task. */
async function layout(browser: Browser) {
  const page = await openWithDesign(browser, 200);
  const runs: { wallMs: number; longestTaskMs: number; maxFrameMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = await pageNow(page);
    const r = await page.evaluate(async () => {
      const btn = [...document.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => /Auto-layout/.test(b.textContent ?? ''))!;
      const frames: number[] = [];
      let on = true;
      const tick = (t: number) => {
        frames.push(t);
        if (on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const start = performance.now();
      btn.click();
      let seen = false;
      await new Promise<void>((resolve) => {
        const check = () => {
          const busy = /Arranging/.test(btn.textContent ?? '') || btn.disabled;
          seen ||= busy;
          if (seen && !busy) resolve();
          else setTimeout(check, 2);
        };
        check();
      });
      const wallMs = performance.now() - start;
      await new Promise((r) => setTimeout(r, 400)); // the re-render with the new positions and fitView
      on = false;
      const deltas = frames.slice(1).map((t, i) => t - frames[i]!);
      return { wallMs, maxFrameMs: Math.max(0, ...deltas) };
    });
    runs.push({ ...r, longestTaskMs: await longestTaskSince(page, t0) });
    await page.keyboard.press('Control+z'); // back to the tiled positions, so each run lays out the same input
    await page.waitForTimeout(500);
  }
  await page.context().close();
  return {
    nodes: 200,
    firstWallMs: round(runs[0]!.wallMs),
    warmWallMs: round(median(runs.slice(1).map((r) => r.wallMs))),
    longestTaskMs: round(Math.max(...runs.map((r) => r.longestTaskMs))),
    maxFrameMs: round(Math.max(...runs.map((r) => r.maxFrameMs))),
    runs: runs.map((r) => ({ wallMs: round(r.wallMs), longestTaskMs: round(r.longestTaskMs), maxFrameMs: round(r.maxFrameMs) })),
  };
}

/** (d) Cold load with the cache disabled: navigation start to the palette and to the stored design's first node. */
async function coldLoad(browser: Browser) {
  const context = await newContext(browser);
  const setup = await context.newPage();
  await setup.goto(BASE + '/');
  const scenarioId = await setup.evaluate(() => document.querySelector<HTMLSelectElement>('.header-scenario select')?.value ?? 'iot-5tb-day');
  const reference = readFileSync(join(ROOT, 'scenarios', 'iot-5tb-day', 'reference.design.json'), 'utf8');
  // The app's storage is IndexedDB (src/adapters/storage.ts): the design goes in as the app would have written it.
  await setup.evaluate(
    ([key, text]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('archboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          tx.objectStore('records').put(text!, key!);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [`archboard:design:${scenarioId}`, reference],
  );
  await setup.close();
  const palette: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < 6; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(() => {
      const w = window as unknown as { __ready: { palette?: number; node?: number } };
      w.__ready = {};
      const obs = new MutationObserver(() => {
        if (w.__ready.palette === undefined && document.querySelector('.palette-item')) w.__ready.palette = performance.now();
        if (w.__ready.node === undefined && document.querySelector('.react-flow__node')) w.__ready.node = performance.now();
        if (w.__ready.palette !== undefined && w.__ready.node !== undefined) obs.disconnect();
      });
      obs.observe(document, { childList: true, subtree: true });
    });
    await page.goto(BASE + '/');
    // Both: the canvas's nodes come first, the panes' content (the palette) a frame after them.
    await page.waitForFunction(() => {
      const ready = (window as unknown as { __ready: { palette?: number; node?: number } }).__ready;
      return ready.node !== undefined && ready.palette !== undefined;
    });
    const r = await page.evaluate(() => (window as unknown as { __ready: { palette: number; node: number } }).__ready);
    if (i > 0) {
      palette.push(r.palette);
      node.push(r.node);
    }
    await page.close();
  }
  await context.close();
  return { storedNodes: 15, runs: node.length, paletteMs: round(median(palette)), firstNodeMs: round(median(node)), cacheDisabled: true };
}

/** (e) PNG export of 200 nodes, the tiled design and a 20 x 10 grid of S3 nodes: button click to the download event. */
async function pngExport(browser: Browser) {
  const tiled = await pngExportOf(browser, 'tiled', tiledDesign(200));
  const grid = await pngExportOf(browser, 'grid', gridDesign(200));
  return { ...tiled, grid };
}

async function pngExportOf(browser: Browser, name: string, design: ReturnType<typeof tiledDesign>) {
  const page = await openWithDesign(browser, design.nodes.length, design);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => performance.clearMeasures());
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'PNG' }).click()]);
    times.push(Date.now() - t0);
    bytes = statSync((await download.path())!).size;
    // The phases the app records (src/view/export-image.ts), to say where the time goes.
    const phases = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('archboard:export:'))
          .map((m) => [m.name.slice('archboard:export:'.length), Math.round(m.duration)]),
      ),
    );
    console.log(`PNG export (${name}) ${i + 1}: ${times.at(-1)} ms`, phases);
    await page
      .getByText(/^Exported /)
      .first()
      .waitFor();
  }
  await page.context().close();
  return { nodes: 200, medianMs: round(median(times)), firstMs: times[0]!, pngKB: round(bytes / 1024) };
}

/** `BENCH_ONLY=png` (comma-separated: feedback, drag, layout, load, png, big-import, drawio) runs only those and writes no results. */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;

async function main() {
  await buildAll();
  if (ONLY) {
    const server = await serveBuilt();
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const phases = { feedback: feedbackLatency, drag: dragAndLoad, layout, load: coldLoad, png: pngExport, 'big-import': bigImport, drawio: drawioImport } as const;
      for (const [name, run] of Object.entries(phases)) if (ONLY.has(name)) console.log(name, await run(browser));
    } finally {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
    return;
  }
  const bundle = bundleSizes();
  const server = await serveBuilt();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const measure = async () => {
    const feedback = await feedbackLatency(browser);
    console.log('feedback done');
    const drag = await dragAndLoad(browser);
    console.log('drag done');
    const layoutResult = await layout(browser);
    console.log('layout done');
    const load = await coldLoad(browser);
    console.log('cold load done');
    const png = await pngExport(browser);
    const big = await bigImport(browser);
    console.log('big import done');
    const drawio = await drawioImport(browser);
    return { chromium: browser.version(), viewport: VIEWPORT, feedback, drag, layout: layoutResult, coldLoad: load, pngExport: png, bigImport: big, drawioImport: drawio };
  };
  let browserResults: Awaited<ReturnType<typeof measure>>;
  try {
    browserResults = await measure();
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.close(() => r()));
  }

  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as { analysis: { nodes: number; medianMs: number }[] } & Record<string, unknown>;
  Object.assign(results, { browser: browserResults, bundle });
  // What the app runs on each change: one simulation, then grading reading it (bench/grade.bench.ts).
  const analysisAt = (n: number) => round(results.analysis.find((r) => r.nodes === n)?.medianMs ?? NaN, 2);
  const { feedback, drag, layout: lay, coldLoad: load, pngExport: png } = browserResults;
  console.log('\nIn headless Chromium on the built app');
  console.table({
    'feedback after a settings change (200 nodes)': { figure: `${feedback.medianMs} ms median (max ${feedback.maxMs}, DOM updated at ${feedback.medianToDomMs})` },
    ...Object.fromEntries(
      drag.map((d) => [
        `drag and load, ${d.nodes} nodes: app / bare`,
        {
          figure: `ms per visible move ${d.app.msPerUpdate} / ${d.bare.msPerUpdate} (${d.msPerUpdateRatio}x); visible moves ${d.app.updates} / ${d.bare.updates} of 60 (${d.updatesShare}); load to all visible ${d.app.loadMs} / ${d.bare.loadMs} ms (${d.loadRatio}x)`,
        },
      ]),
    ),
    'auto-layout (200 nodes, worker)': { figure: `${lay.firstWallMs} ms first, ${lay.warmWallMs} ms warm; longest task ${lay.longestTaskMs} ms; longest frame ${lay.maxFrameMs} ms` },
    'cold load to palette / first node': { figure: `${load.paletteMs} / ${load.firstNodeMs} ms` },
    'PNG export (200 nodes)': { figure: `tiled ${png.medianMs} ms median (${png.pngKB} KB); grid ${png.grid.medianMs} ms median (${png.grid.pngKB} KB)` },
    'import of 10,000 nodes (worker)': { figure: `${browserResults.bigImport.importWallMs} ms; longest task ${browserResults.bigImport.importLongestTaskMs} ms; progress shown: ${browserResults.bigImport.progressSeen}` },
    'paste of 10,000 nodes (worker)': { figure: `longest task ${browserResults.bigImport.pasteLongestTaskMs} ms` },
    [`draw.io import of ${browserResults.drawioImport.cells.toLocaleString('en-US')} cells (worker)`]: {
      figure: `${browserResults.drawioImport.wallMs} ms; longest task ${browserResults.drawioImport.longestTaskMs} ms; progress shown: ${browserResults.drawioImport.progressSeen}`,
    },
  });
  console.log('Bundle: initial JS (eager in index.html), gzipped');
  console.table([...bundle.initialJs.files, { file: 'total', kB: bundle.initialJs.kB, gzipKB: bundle.initialJs.gzipKB }]);
  console.log('Lazy chunks');
  console.table(bundle.lazy);

  const targets = [
    { target: 'grading + simulation < 16 ms at 200 nodes', measured: `${analysisAt(200)} ms`, met: analysisAt(200) < 16 },
    { target: 'grading + simulation < 100 ms at 10,000 nodes', measured: `${analysisAt(10000)} ms`, met: analysisAt(10000) < 100 },
    { target: 'feedback repainted < 16 ms median at 200 nodes', measured: `${feedback.medianMs} ms`, met: feedback.medianMs < 16 },
    ...drag.map((d) => ({
      target: `drag at ${d.nodes} nodes: ms per visible move <= 1.1x bare, visible moves >= 90 % of bare, load <= 1.2x`,
      measured: `${d.msPerUpdateRatio}x, ${Math.round(d.updatesShare * 100)} %, ${d.loadRatio}x`,
      met: d.msPerUpdateRatio <= 1.1 && d.updatesShare >= 0.9 && d.loadRatio <= 1.2,
    })),
    { target: 'no main-thread task > 50 ms during layout', measured: `${lay.longestTaskMs} ms`, met: lay.longestTaskMs <= 50 },
    { target: 'no main-thread task > 200 ms importing 10,000 nodes', measured: `${browserResults.bigImport.importLongestTaskMs} ms`, met: browserResults.bigImport.importLongestTaskMs <= 200 },
    { target: 'no main-thread task > 200 ms importing a draw.io file of 5,000 cells', measured: `${browserResults.drawioImport.longestTaskMs} ms`, met: browserResults.drawioImport.longestTaskMs <= 200 },
    { target: 'PNG export < 500 ms at 200 nodes', measured: `tiled ${png.medianMs} ms, grid ${png.grid.medianMs} ms`, met: Math.max(png.medianMs, png.grid.medianMs) < 500 },
    { target: 'initial JS < 300 KB gzipped', measured: `${bundle.initialJs.gzipKB} KB`, met: bundle.initialJs.gzipKB < 300 },
  ];
  results.targets = targets;
  writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  console.log('Targets');
  console.table(targets.map((t) => ({ ...t, met: t.met ? 'met' : 'MISSED' })));
  console.log('written bench/results.json');
}

await main();
