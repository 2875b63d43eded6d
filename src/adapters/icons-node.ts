/**
 * Icon SVG markup in Node (CLI, tests, `npm run render`): read from the installed `aws-icons` package
 * in node_modules. The browser twin is `icons-browser.ts`; both implement `IconSource`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Catalog } from '../domain/catalog.ts';
import { ICON_PACKAGE, iconFile, iconRefOf, type IconRef, type IconSource } from '../domain/icons.ts';

let root: string | undefined;

/**
 * The folder of the installed `aws-icons` package.
 * @throws Error naming the package when it is not installed (run `npm ci`)
 */
export function iconPackageDir(): string {
  if (root) return root;
  try {
    root = dirname(createRequire(import.meta.url).resolve(`${ICON_PACKAGE}/package.json`));
  } catch {
    throw new Error(`The icon package "${ICON_PACKAGE}" is not installed; run npm ci.`);
  }
  return root;
}

/** The absolute path of an icon's SVG file (it may not exist). */
export function iconPath(ref: IconRef): string {
  return join(iconPackageDir(), iconFile(ref));
}

/**
 * The SVG markup of an icon, read synchronously.
 * @returns undefined when the package has no such file
 */
export function readIconSvg(ref: IconRef): string | undefined {
  const file = iconPath(ref);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** `IconSource` for Node: the SVG markup of an icon, or undefined when the file is missing. */
export const readIconSvgAsync: IconSource = async (ref) => {
  try {
    return await readFile(iconPath(ref), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
};

/** The SVG markup of a catalog entry's icon by catalog id; undefined for an unknown id, no icon or a missing file. */
export function readServiceIconSvg(catalog: Catalog, serviceId: string): string | undefined {
  const ref = iconRefOf(catalog, serviceId);
  return ref ? readIconSvg(ref) : undefined;
}
