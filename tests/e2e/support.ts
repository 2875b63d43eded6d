/** Helpers the Playwright specs share. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Collects console errors and uncaught page errors from now on; a spec asserts the list is empty at
 * its end, so a CSP violation or a crash fails it even when the screen looks right.
 */
export function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/** A mouse drag in page pixels, through the midpoint, in small steps as a hand would move. */
export async function dragMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 6): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/**
 * Waits until the canvas view stops moving (fitView, a pan to keep a new node in view: they animate
 * for 200-400 ms and start a frame or two after a change): the same transform read twice 300 ms apart.
 */
export async function viewSettled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const t = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
        const same = t === last;
        last = t;
        return same;
      },
      { intervals: [300] },
    )
    .toBe(true);
}

/**
 * The centre of a node's port (`.react-flow__handle.source`, `-right`, ...), after pointing at the node:
 * ports show on the node under the pointer (app.css), as a user sees them before grabbing one.
 */
export async function portOf(node: Locator, port: string): Promise<{ x: number; y: number }> {
  await node.hover();
  const handle = node.locator(port);
  await expect(handle).toBeVisible();
  const b = (await handle.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/**
 * Zooms in (the canvas's zoom-in button) until edge labels are drawn: zoomed far out they are not
 * (Canvas.tsx, EDGE_LABEL_MIN_ZOOM), as a user would zoom in to read them.
 */
export async function zoomToLabels(page: Page): Promise<void> {
  // A fit that is still gliding (after an import, say) would zoom out again after the check.
  await viewSettled(page);
  for (let i = 0; i < 12 && (await page.locator('.canvas.is-far').count()); i++) {
    await page.locator('.react-flow__controls-zoomin').click();
    await viewSettled(page);
  }
  await expect(page.locator('.canvas.is-far')).toHaveCount(0);
}

/**
 * The stored records of the app (IndexedDB database `archboard`, store `records`; see
 * src/adapters/storage.ts), as key -> text, read in the page.
 */
export async function storedRecords(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('archboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('records')) return resolve({});
          const out: Record<string, string> = {};
          const req = db.transaction('records').objectStore('records').openCursor();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const cursor = req.result;
            if (!cursor) return (db.close(), resolve(out));
            if (typeof cursor.key === 'string' && typeof cursor.value === 'string') Object.defineProperty(out, cursor.key, { value: cursor.value, enumerable: true });
            cursor.continue();
          };
        };
      }),
  );
}

/** One stored record's text (or null), as `localStorage.getItem` gave it before storage moved to IndexedDB. */
export async function storedRecord(page: Page, key: string): Promise<string | null> {
  const all = await storedRecords(page);
  return Object.hasOwn(all, key) ? all[key]! : null;
}

/** Opens the app on the IoT exercise (through the scenario picker when another one opens first). */
export async function openIot(page: Page) {
  await page.goto('/');
  await expect(page.locator('.app-header')).toContainText('requirements pass');
  if (!((await page.locator('.app-header').textContent()) ?? '').includes('IoT telemetry at 5 TB/day')) {
    await page.locator('.scenario-button').click();
    await page.locator('.picker-item[data-scenario="iot-5tb-day"]').click();
  }
  await expect(page.locator('.app-header')).toContainText('IoT telemetry at 5 TB/day');
}
