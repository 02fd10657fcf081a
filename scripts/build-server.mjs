// Compiles the process entry points (the portal, the worker, the command-line
// tools) with everything they import from app/, db/ and emails/ into plain
// JavaScript under build/node/, so that a production host runs `node` on them
// with no TypeScript loader and no Vite (docs/decisions/095). Packages stay
// external: they are resolved from node_modules at run time, as installed by
// `npm ci --omit=dev`. The routes are bundled separately by `react-router build`
// (build/server/index.js), which the portal imports at start.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SERVER_ENTRIES = {
  main: 'app/server/main.ts',
  worker: 'app/server/worker-main.ts',
  'cli/migrate': 'scripts/cli/migrate.ts',
  'cli/staff': 'scripts/cli/staff.ts',
  'cli/retention': 'scripts/cli/retention.ts',
  'cli/keys-rotate': 'scripts/cli/keys-rotate.ts',
  'cli/reindex': 'scripts/cli/reindex.ts',
  'cli/intake': 'scripts/cli/intake.ts',
};

export async function buildServer() {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(SERVER_ENTRIES).map(([name, file]) => [name, path.join(root, file)]),
    ),
    outdir: path.join(root, 'build/node'),
    bundle: true,
    // Shared modules go to chunks: one copy of the domain for all entries.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    jsx: 'automatic',
    sourcemap: true,
    logLevel: 'warning',
    // The output is ESM in a "type": "module" package, as the sources are.
    outExtension: { '.js': '.js' },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
