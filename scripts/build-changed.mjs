// Builds the packages whose sources changed since their last build, so a warm start does not
// spend its time recompiling what is already compiled. The fingerprint is of file contents,
// not times: a fresh clone or a checkout touches every file without changing it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** In build order; a package's fingerprint includes those it depends on. */
const packages = [
  { dir: 'db', output: 'dist', inputs: ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], after: [] },
  { dir: 'server', output: 'dist', inputs: ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], after: ['db'] },
  { dir: 'web', output: 'build', inputs: ['src', 'package.json', 'tsconfig.json', 'svelte.config.js', 'vite.config.ts'], after: [] },
];
const shared = ['pnpm-lock.yaml', 'tsconfig.base.json'];
// Run through the pnpm that runs this script (npx installs it outside PATH's usual places).
const pnpm = process.env.npm_execpath;
if (!pnpm) throw new Error('run this through pnpm: pnpm start');

function files(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full).sort().flatMap((name) => files(path.join(entry, name)));
}

function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files)) hash.update(file).update('\0').update(readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

const prints = {};
for (const pkg of packages) {
  const inputs = [...shared, ...pkg.inputs.map((input) => path.join(pkg.dir, input))];
  prints[pkg.dir] = fingerprint(inputs) + pkg.after.map((dir) => prints[dir]).join('');
  const stamp = path.join(root, pkg.dir, pkg.output, '.build-fingerprint');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === prints[pkg.dir]) {
    console.log(`[build] ${pkg.dir}: unchanged since its last build`);
    continue;
  }
  console.log(`[build] ${pkg.dir}: building`);
  execFileSync(process.execPath, [pnpm, '--filter', `./${pkg.dir}`, 'build'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, prints[pkg.dir]);
}
