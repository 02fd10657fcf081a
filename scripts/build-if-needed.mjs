// `npm start` on a fresh clone has no build yet, and after a `git pull` the
// build is older than the sources: build then, and only then. On a production
// host installed with `npm ci --omit=dev` the build tools are absent: the
// existing build is served as it is (docs/decisions/095).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Sources that change what `npm run build` produces.
const INPUTS = [
  'app',
  'db',
  'emails',
  'public',
  'react-router.config.ts',
  'vite.config.ts',
  'package-lock.json',
  'scripts/build-server.mjs',
  'scripts/cli',
  'scripts/demo',
  'scripts/seed.server.ts',
];
// Migrations are read at run time, not built in.
const SKIP = new Set(['node_modules', 'migrations']);
export const BUILD_OUTPUTS = ['build/server/index.js', 'build/node/main.js'];

/** @param {string} root @param {{ info: (m: string) => void, warn: (m: string) => void }} log */
export function buildIfNeeded(root, log) {
  const builtAt = Math.min(...BUILD_OUTPUTS.map((output) => mtime(path.join(root, output))));
  const newest = Math.max(...INPUTS.map((input) => newestMtime(path.join(root, input))));
  if (builtAt >= newest) return;
  const cli = path.join(root, 'node_modules/@react-router/dev/bin.js');
  if (!fs.existsSync(cli)) {
    if (builtAt > 0) {
      log.warn(
        'the sources are newer than the build, but the build tools are not installed (npm ci --omit=dev): serving the existing build',
      );
      return;
    }
    throw new Error(
      'no build found and no build tools installed: run `npm ci && npm run build` first, then install with `npm ci --omit=dev`',
    );
  }
  log.info(builtAt ? 'sources changed since the last build; rebuilding' : 'no build found; building');
  for (const args of [[cli, 'build'], [path.join(root, 'scripts/build-server.mjs')]]) {
    // NODE_ENV=production whoever asks: Vitest's global setup runs this with
    // NODE_ENV=test, which made Vite bundle React's development build, whose
    // hydration warnings (a hidden CSP nonce) then failed every e2e page.
    const env = { ...process.env, NODE_ENV: 'production' };
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
    if (result.status !== 0)
      throw new Error(`${path.basename(args[0])} failed (exit ${result.status ?? result.signal})`);
  }
}

function mtime(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}
