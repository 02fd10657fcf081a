import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { TEST_CONTACT_KEY } from '../../setup/contact-keyring.ts';

export type WebProcess = {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for the failure message. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export const quick = process.env.FAULTS_LONG !== '1';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The built portal as `npm start` runs it (app/server/main.ts, a real
 * process), on a fixed port so that a restarted process answers at the same
 * address. Resolves once /healthz answers 200.
 */
export async function startWebProcess(options: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string>;
}): Promise<WebProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: '',
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: path.resolve('.tmp', `faults-web-${crypto.randomBytes(4).toString('hex')}`),
      RUN_WORKER: '0',
      SEED_DEMO: 'never',
      HCAPTCHA_DISABLED: '1',
      RATE_LIMIT_SUBMIT_PER_HOUR: '1000000',
      RATE_LIMIT_TRACK_PER_HOUR: '1000000',
      LOG_LEVEL: 'warn',
      // Seals with the test processes' key, so that they read what it wrote.
      CONTACT_KEY: TEST_CONTACT_KEY,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const web: WebProcess = {
    url,
    child,
    output: () => output,
    exited,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the web process exited while starting:\n${output}`);
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    if (health?.status === 200) return web;
    if (Date.now() > deadline) {
      await web.kill('SIGKILL');
      throw new Error(`the web process did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
