// Trace a settings change -> repainted score at 200 nodes. Usage: npx tsx .scratch/fbtrace.mts [dist]
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { writeFileSync } from 'node:fs';
import { tiledDesign } from '../bench/designs.ts';
const OUT = process.argv[2] ?? '/tmp/dist-prof';
const server = await preview({ root: process.cwd(), configFile: false, logLevel: 'warn', build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 4190, strictPort: true } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:4190/');
await page.getByTestId('import-input').waitFor({ state: 'attached' });
const design = tiledDesign(Number(process.env.N ?? 200));
await page.getByTestId('import-input').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, design.nodes.length);
await page.waitForTimeout(1500);
await page.locator('.react-flow__node[data-id="kds#0"]').focus();
await page.keyboard.press('Enter');
await page.locator('.inspector select[name="encryption"]').waitFor();
const toggle = async () => page.evaluate(async () => {
  const score = document.querySelector('.header-score')!;
  const before = score.textContent;
  const el = document.querySelector<HTMLSelectElement>('.inspector select[name="encryption"]')!;
  const t0 = performance.now();
  performance.mark('fb-start');
  const changed = new Promise<void>((r) => { const o = new MutationObserver(() => { if (score.textContent !== before) { o.disconnect(); r(); } }); o.observe(score, { subtree: true, childList: true, characterData: true }); });
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
  setter.call(el, el.value === 'none' ? 'sse-kms' : 'none');
  el.dispatchEvent(new Event('change', { bubbles: true }));
  await changed;
  const mut = performance.now() - t0;
  await new Promise((r) => requestAnimationFrame(r));
  performance.mark('fb-end');
  const m = performance.getEntriesByName('archboard:analysis:in-frame').at(-1);
  return [mut, performance.now() - t0, m && m.startTime >= t0 ? m.duration : -1];
});
for (let i = 0; i < 25; i++) { console.log("warm", await toggle()); await page.waitForTimeout(300); }
const cdp = await ctx.newCDPSession(page);
if (process.env.PROF) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 10; i++) { await toggle(); await page.waitForTimeout(100); }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync('/tmp/fbprof/x.cpuprofile', JSON.stringify(profile));
  await browser.close();
  server.httpServer.close();
  process.exit(0);
}
const events: unknown[] = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'toplevel'] }, transferMode: 'ReportEvents' });
for (let i = 0; i < 5; i++) { console.log('run', await toggle()); await page.waitForTimeout(200); }
await cdp.send('Tracing.end');
await done;
writeFileSync('/tmp/fb-trace.json', JSON.stringify({ traceEvents: events }));
await browser.close();
server.httpServer.close();
