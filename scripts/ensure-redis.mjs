#!/usr/bin/env node
/**
 * Makes sure Debian's `redis-server` exists for the test of several sync-server instances sharing rooms
 * through Redis (tests/server/redis.test.ts). Installs it with apt-get when missing (sudo only when not
 * root); fails clearly otherwise. The test starts its own redis-server on 127.0.0.1 and a free port.
 */
import { spawnSync } from 'node:child_process';

const has = () => spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0;
if (has()) process.exit(0);

console.log('redis-server not found: installing it with apt-get...');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSudo = !isRoot && spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
if (!isRoot && !hasSudo) {
  console.error('Cannot install redis-server: not root and no sudo. Install it yourself (apt-get install -y redis-server).');
  process.exit(1);
}
const run = (args) => {
  const [cmd, ...rest] = isRoot ? args : ['sudo', ...args];
  return spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
};
// Install without starting the system service (the test runs its own server).
if (!run(['apt-get', 'update']) || !run(['apt-get', 'install', '-y', '--no-install-recommends', 'redis-server'])) {
  console.error('apt-get could not install redis-server. Install it by hand (apt-get install -y redis-server) and run the tests again.');
  process.exit(1);
}
if (!has()) {
  console.error('redis-server was installed but is not on PATH.');
  process.exit(1);
}
console.log('Installed redis-server.');
