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
await page.mouse.click(5, 300);
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
await page.waitForTimeout(300);
const target = await page.evaluate(() => {
  const box = document.querySelector('.canvas')!.getBoundingClientRect();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  let best: { x: number; y: number; d: number } | undefined;
  for (const el of document.querySelectorAll<HTMLElement>('.canvas .react-flow__node[data-id^="kds#"]')) {
    const r = el.getBoundingClientRect();
    if (r.left < box.left || r.right > box.right - 260 || r.top < box.top || r.bottom > box.bottom) continue;
    const x = r.left + Math.min(30, r.width / 2), y = r.top + r.height / 2, d = Math.hypot(x - cx, y - cy);
    if (!best || d < best.d) best = { x, y, d };
  }
  return best!;
});
const drag = async (c: import('@playwright/test').CDPSession) => {
  const move = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) => c.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: type === 'mouseMoved' ? 0 : 1 });
  await move('mouseMoved', target.x, target.y); await move('mousePressed', target.x, target.y);
  const sent = [];
  for (let i = 1; i <= 60; i++) { sent.push(move('mouseMoved', target.x + i * 4, target.y + Math.round(Math.sin(i / 6) * 20))); await new Promise((r) => setTimeout(r, 16)); }
  await Promise.all(sent); await move('mouseReleased', target.x + 240, target.y);
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+z'); await page.waitForTimeout(300);
};
const cdp = await ctx.newCDPSession(page);
await drag(await ctx.newCDPSession(page));
if (process.env.PROF) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await drag(cdp); await drag(cdp);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync('/tmp/dragprof/x.cpuprofile', JSON.stringify(profile));
  await browser.close();
  server.httpServer.close();
  process.exit(0);
}
const events: unknown[] = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel'] }, transferMode: 'ReportEvents' });
await drag(cdp);
await cdp.send('Tracing.end');
await done;
writeFileSync('/tmp/drag-trace.json', JSON.stringify({ traceEvents: events }));
await browser.close();
server.httpServer.close();
