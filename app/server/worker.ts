import type { Database } from '../../db/client.server.ts';
import type { Config } from './config.ts';
import { startJobs } from './jobs/start-jobs.ts';
import type { Logger } from './logger.ts';

export type Worker = { stop: () => Promise<void> };

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
  const jobs = await startJobs({ db, databaseUrl, config, log });
  return { stop: () => jobs.stop() };
}
