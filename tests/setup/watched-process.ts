import { spawn, type ChildProcess } from 'node:child_process';

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

export type WatchedProcess = {
  name: string;
  child: ChildProcess;
  /** The last 20 kB the process wrote, for failure messages. */
  output: () => string;
  exited: Promise<ProcessExit>;
  kill: (signal: NodeJS.Signals) => Promise<ProcessExit>;
};

/**
 * Spawns a portal process for a test and waits until `ready` resolves true.
 * Fails with the process's own output when it exits or stays unready for
 * 90 s, because that output is the only clue a failed start leaves.
 */
export async function startWatchedProcess(options: {
  name: string;
  args: string[];
  cwd?: string;
  env: NodeJS.ProcessEnv;
  ready: (process: WatchedProcess) => Promise<boolean>;
}): Promise<WatchedProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const handle: WatchedProcess = {
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
