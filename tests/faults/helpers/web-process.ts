import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { TEST_CONTACT_KEY } from '../../setup/contact-keyring.ts';
import { healthy, startWatchedProcess, type WatchedProcess } from '../../setup/watched-process.ts';

/** The web process under test, with the address it answers at. */
export type WebProcess = WatchedProcess & { url: string };

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
  const web = await startWatchedProcess({
    name: 'the web process',
    args: ['--import', 'tsx', 'app/server/main.ts'],
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
    ready: healthy(url),
  });
  return { ...web, url };
}
