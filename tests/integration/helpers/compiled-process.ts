import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { projectRoot } from '../../../app/server/http.ts';

export type CompiledProcess = {
  name: string;
  child: ChildProcess;
  /** The last 20 kB the process wrote, for failure messages. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * A process as production runs it: plain `node` on the compiled entry under
 * build/node/ (no tsx, no Vite), with its own DATA_DIR. `ready` is polled
 * until it resolves true.
 */
export async function startCompiled(options: {
  name: string;
  entry: 'main' | 'worker';
  args?: string[];
  env: Record<string, string>;
  ready: (process: CompiledProcess) => Promise<boolean>;
}): Promise<CompiledProcess> {
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, 'build/node', `${options.entry}.js`), ...(options.args ?? [])],
    {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: path.join(projectRoot, '.tmp', `${options.name}-${crypto.randomBytes(4).toString('hex')}`),
        SEED_DEMO: 'never',
        LOG_LEVEL: 'info',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const handle: CompiledProcess = {
    name: options.name,
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
      throw new Error(`${options.name} exited while starting:\n${output}`);
    if (await options.ready(handle).catch(() => false)) return handle;
    if (Date.now() > deadline) {
      await handle.kill('SIGKILL');
      throw new Error(`${options.name} did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Ready when /healthz answers 200. */
export const healthy = (url: string) => async () =>
  (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200;

/**
 * Ready once the process logged its first line at info level (pino's level 30):
 * a worker has no port to ask, and its first lines come after it connected
 * and checked the schema.
 */
export const loggedStart = async (process: CompiledProcess) => process.output().includes('"level":30');
