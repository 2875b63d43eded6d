/** The domain core and the rules stay free of React, the DOM and the store, so they run in Node, a Worker and the CLI. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/content.ts';

const files = ['src/domain', 'rules'].flatMap((dir) =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f}`),
);

it.each(files)('%s imports nothing from React, the DOM, the store or the view', (file) => {
  const source = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
  expect(imports.filter((i) => /react|zustand|immer|xyflow|\/store\/|\/view\/|\/adapters\//.test(i))).toEqual([]);
  expect(source).not.toMatch(/\b(window|document|localStorage)\.[a-zA-Z]/);
});
