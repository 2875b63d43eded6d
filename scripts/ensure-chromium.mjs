#!/usr/bin/env node
/**
 * Makes sure /usr/bin/chromium exists for the Playwright specs (`npx playwright install` cannot
 * download here). Installs it with apt-get when missing (sudo only when not root); fails clearly otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

console.log(`${CHROMIUM} not found: installing it with apt-get (about 35 s)...`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSudo = !isRoot && spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
if (!isRoot && !hasSudo) {
  console.error(`Cannot install Chromium: not root and no sudo. Install it yourself (apt-get install -y chromium) so that ${CHROMIUM} exists.`);
  process.exit(1);
}
const run = (args) => {
  const [cmd, ...rest] = isRoot ? args : ['sudo', ...args];
  const r = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
};
if (!run(['apt-get', 'update']) || !run(['apt-get', 'install', '-y', 'chromium'])) {
  console.error('apt-get could not install chromium. Install it by hand (apt-get install -y chromium) and run the tests again.');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`chromium was installed but ${CHROMIUM} does not exist; Playwright's launchOptions.executablePath expects it there.`);
  process.exit(1);
}
console.log(`Installed ${CHROMIUM}.`);
