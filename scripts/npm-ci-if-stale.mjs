#!/usr/bin/env node
// Runs `npm ci` in the repository root when node_modules does not match package-lock.json: on a fresh clone,
// and again whenever the lockfile changes (a new emulator or checker package), which a "node_modules exists"
// test would miss. The build calls it before the integration tests; it costs a hash when nothing changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.measures311-lock.sha256');
const wanted = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) {
  console.log('node_modules matches package-lock.json');
  process.exit(0);
}

console.log('node_modules is missing or older than package-lock.json: npm ci');
const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (npm.status !== 0) {
  process.exit(npm.status ?? 1);
}
writeFileSync(stamp, `${wanted}\n`);
