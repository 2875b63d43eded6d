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
const toggle = async () => page.evaluate(async () => {
  const btn = [...document.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => /Auto-layout/.test(b.textContent ?? ''))!;
  performance.mark('fb-start');
  const t0 = performance.now();
  btn.click();
  let seen = false;
  await new Promise<void>((resolve) => { const check = () => { const busy = /Arranging/.test(btn.textContent ?? '') || btn.disabled; seen ||= busy; if (seen && !busy) resolve(); else setTimeout(check, 2); }; check(); });
  await new Promise((r) => setTimeout(r, 500));
  performance.mark('fb-end');
  return performance.now() - t0;
});
const undo = async () => { await page.keyboard.press('Control+z'); await page.waitForTimeout(500); };
for (let i = 0; i < 1; i++) { console.log('warm', await toggle()); await undo(); }
const cdp = await ctx.newCDPSession(page);
if (process.env.PROF) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 3; i++) { await toggle(); await undo(); }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync('/tmp/layprof/x.cpuprofile', JSON.stringify(profile));
  await browser.close();
  server.httpServer.close();
  process.exit(0);
}
const events: unknown[] = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'toplevel'] }, transferMode: 'ReportEvents' });
for (let i = 0; i < 2; i++) { console.log('run', await toggle()); await undo(); }
await cdp.send('Tracing.end');
await done;
writeFileSync('/tmp/lay-trace.json', JSON.stringify({ traceEvents: events }));
await browser.close();
server.httpServer.close();
