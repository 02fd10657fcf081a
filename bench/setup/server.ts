import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FAKE_SECRET, FAKE_SITEKEY } from '../../tests/setup/fake-hcaptcha.ts';
import { TEST_CONTACT_KEY } from '../../tests/setup/contact-keyring.ts';

// The production build as `npm start` runs it (node scripts/start.mjs main,
// which builds first if the sources changed; NODE_ENV=production), in a child process whose RSS the
// bench can read from /proc, with the fake hCaptcha and an SMTP sink.

export const INTAKE_TOKEN = 'bench-intake-token-0123456789';

export type BenchServer = {
  url: string;
  pid: number;
  child: ChildProcess;
  startedMs: number;
  stop: () => Promise<void>;
};

export type ServerOptions = {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  captchaVerifyUrl: string;
  smtpUrl: string;
  extraArgs?: string[];
  /** Arguments after the entry (`main --web-only`). */
  entryArgs?: string[];
  env?: Record<string, string>;
};

export function serverEnv(o: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(o.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'never',
    HCAPTCHA_SITEKEY: FAKE_SITEKEY,
    HCAPTCHA_SECRET: FAKE_SECRET,
    HCAPTCHA_VERIFY_URL: o.captchaVerifyUrl,
    SMTP_URL: o.smtpUrl,
    CONTACT_KEY: TEST_CONTACT_KEY,
    INTAKE_TOKEN,
    // Load comes from one address; the per-address limits are not what is measured.
    RATE_LIMIT_SUBMIT_PER_HOUR: '100000000',
    RATE_LIMIT_TRACK_PER_HOUR: '100000000',
    ...o.env,
  };
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  if (o.dataDir) env.DATA_DIR = o.dataDir;
  return env;
}

export async function startServer(o: ServerOptions, timeoutMs = 120_000): Promise<BenchServer> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(o.extraArgs ?? []), path.resolve('scripts/start.mjs'), 'main', ...(o.entryArgs ?? [])],
    {
      env: serverEnv(o),
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${o.port}`;
  await waitFor200(`${url}/`, child, timeoutMs);
  const startedMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    child,
    startedMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function waitFor200(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s`);
}

/** Resident set size of a process, in bytes (Linux /proc). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Samples a process's RSS every 10 ms while `work` runs; returns its result and the peak growth over the level before. */
export async function withPeakRss<T>(pid: number, work: () => Promise<T>) {
  const baseline = rssOf(pid);
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
  try {
    const result = await work();
    peak = Math.max(peak, rssOf(pid));
    return { result, baselineMb: baseline / 2 ** 20, growthMb: (peak - baseline) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * `npm run worker` as a deployment runs it beside web processes started with
 * `--web-only`: the same build and environment. Stopped with SIGTERM.
 */
export function startWorkerProcess(o: ServerOptions) {
  const child = spawn(process.execPath, [path.resolve('scripts/start.mjs'), 'worker'], {
    env: serverEnv(o),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return {
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
