import crypto from 'node:crypto';
import path from 'node:path';
import { projectRoot } from '../../../app/server/http.ts';
import { startWatchedProcess, type WatchedProcess } from '../../setup/watched-process.ts';

export { healthy } from '../../setup/watched-process.ts';
export type CompiledProcess = WatchedProcess;

/**
 * A process as production runs it: plain `node` on the compiled entry under
 * build/node/ (no tsx, no Vite), with its own DATA_DIR. `ready` is polled
 * until it resolves true.
 */
export function startCompiled(options: {
  name: string;
  entry: 'main' | 'worker';
  args?: string[];
  env: Record<string, string>;
  ready: (process: CompiledProcess) => Promise<boolean>;
}): Promise<CompiledProcess> {
  return startWatchedProcess({
    name: options.name,
    args: [path.join(projectRoot, 'build/node', `${options.entry}.js`), ...(options.args ?? [])],
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: path.join(projectRoot, '.tmp', `${options.name}-${crypto.randomBytes(4).toString('hex')}`),
      SEED_DEMO: 'never',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    ready: options.ready,
  });
}

/**
 * Ready once the process logged its first line at info level (pino's level 30):
 * a worker has no port to ask, and its first lines come after it connected
 * and checked the schema.
 */
export const loggedStart = async (process: CompiledProcess) => process.output().includes('"level":30');
