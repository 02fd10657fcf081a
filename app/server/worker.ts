import type { Database } from '../../db/client.server.ts';
import type { Config } from './config.ts';
import { startJobs } from './jobs/start-jobs.ts';
import type { Logger } from './logger.ts';

export type Worker = { stop: () => Promise<void> };

/**
 * Workers connect straight to PostgreSQL (decision 099): the mailbox lock is a
 * session advisory lock, which through PgBouncer's transaction mode stays on a
 * pooled server connection after its worker dies, so no other worker could
 * ever take the mailbox over. DATABASE_PREPARE=0 is how a process is told its
 * DATABASE_URL is such a pooler, so a process that runs the jobs refuses it.
 */
export function assertDirectConnection(config: Pick<Config, 'database'>): void {
  if (config.database.prepare) return;
  throw new Error(
    'Invalid configuration:\n  DATABASE_PREPARE=0 says DATABASE_URL goes through PgBouncer in transaction mode, and the background jobs need a direct connection to PostgreSQL (the intake mailbox is held by a session lock). Give this process a DATABASE_URL straight to PostgreSQL without DATABASE_PREPARE=0, or serve HTTP only (npm run start:web) and run the jobs in `npm run worker`.',
  );
}

/**
 * Background jobs on pg-boss (app/server/jobs, docs/decisions/085): enrich new
 * suggestions, deliver the mail outbox, watch the intake mailbox (IMAP), prune
 * old rate-limit counters, redeemed captcha tokens and expired staff sessions
 * (hourly), and purge contact details whose plan's retention period ran out
 * (daily). Runs inside `npm start` unless RUN_WORKER=0, or alone with
 * `npm run worker`. All state is in PostgreSQL, so any number of workers can
 * run at once.
 */
export async function startWorker({
  db,
  databaseUrl,
  config,
  log,
}: {
  db: Database;
  databaseUrl: string;
  config: Config;
  log: Logger;
}): Promise<Worker> {
  assertDirectConnection(config);
  const jobs = await startJobs({ db, databaseUrl, config, log });
  return { stop: () => jobs.stop() };
}
