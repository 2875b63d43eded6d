import { chromium } from '@playwright/test';
import { preview } from 'vite';
const OUT = process.argv[2] ?? '/tmp/dist-prof';
const server = await preview({ root: process.cwd(), configFile: false, logLevel: 'warn', build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 4192, strictPort: true } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const theme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme as 'light' | 'dark' });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto('http://127.0.0.1:4192/');
  await page.getByRole('button', { name: /Reference/ }).first().click().catch(() => {});
  await page.waitForTimeout(300);
  const ok = page.getByRole('button', { name: /Replace|Load the reference|Yes/ });
  if (await ok.count()) await ok.first().click();
  await page.waitForTimeout(1200);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click(); await page.waitForTimeout(400); await page.locator('.canvas').screenshot({ path: `/tmp/shot-${theme}.png` });
  const mm = page.getByRole('img', { name: 'Minimap' });
  const b = (await mm.boundingBox())!;
  await page.mouse.click(b.x + 20, b.y + 20);
  await page.waitForTimeout(300);
  await page.locator('.ab-minimap').screenshot({ path: `/tmp/mm-${theme}.png` });
  await page.screenshot({ path: `/tmp/shot2-${theme}.png` });
}
await browser.close(); server.httpServer.close();
