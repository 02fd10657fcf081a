import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './logger.ts';

// Sources that change what `react-router build` produces.
const inputs = ['app', 'public', 'react-router.config.ts', 'vite.config.ts', 'package-lock.json'];

/**
 * `npm start` on a fresh clone has no build yet, and after a `git pull` the
 * build is older than the sources: build then, and only then.
 */
export function buildIfNeeded(root: string, log: Logger): void {
  const output = path.join(root, 'build/server/index.js');
  const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  const newest = Math.max(...inputs.map((input) => newestMtime(path.join(root, input))));
  if (builtAt >= newest) return;
  log.info(builtAt ? 'sources changed since the last build; rebuilding' : 'no build found; building');
  const cli = path.join(root, 'node_modules/@react-router/dev/bin.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`react-router build failed (exit ${result.status ?? result.signal})`);
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}
