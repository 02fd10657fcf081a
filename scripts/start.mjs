// `npm start`, `npm run start:web`, `npm run worker` and the command-line
// tools: build if the sources changed (only where the build tools are
// installed), then run the compiled entry in this same process, so that
// Ctrl-C and SIGTERM reach its own handlers. Production hosts may skip this
// and run `node build/node/main.js --web-only` directly (docs/deploy.md).
//
//   node scripts/start.mjs <entry> [arguments for the entry]
//   entries: main, worker, cli/migrate, cli/staff, … (scripts/build-server.mjs)
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.argv[2];
if (!entry || !/^[a-z-]+(\/[a-z-]+)?$/.test(entry)) {
  console.error('usage: node scripts/start.mjs <entry> [arguments]  (entries: main, worker, cli/<name>)');
  process.exit(2);
}
// The entry reads its own arguments from process.argv.slice(2), as under tsx.
process.argv.splice(2, 1);
buildIfNeeded(root, { info: (m) => console.error(m), warn: (m) => console.error(m) });
await import(pathToFileURL(path.join(root, 'build/node', `${entry}.js`)).href);
