import PgBoss from 'pg-boss';
import type { Database } from '../../../db/client.server.ts';
import { JOBS_SCHEMA, QUEUES } from '../../domain/jobs/queues.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { registerHandlers } from './handlers.ts';

export type Jobs = { boss: PgBoss; stop: () => Promise<void> };

// pg-boss polls at least every half second.
const MIN_POLL_SECONDS = 0.5;
// Handlers still running this long after stop() are failed, and retried by another worker.
const STOP_TIMEOUT_MS = 15_000;

/**
 * The worker: pg-boss on Jianyan's own database (schema `pgboss`, installed by
 * the migrations), with a handler for every queue in app/domain/jobs/queues.ts
 * and the cron schedules. Runs inside `npm start` unless RUN_WORKER=0, or
 * alone with `npm run worker`; any number of workers can run at once.
 */
export async function startJobs({
  db,
  databaseUrl,
  config,
  log,
}: {
  db: Database;
  databaseUrl: string;
  config: Config;
  log: Logger;
}): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOBS_SCHEMA,
    // Each queue's worker fetches and completes on its own; the handlers use Jianyan's pool.
    max: 4,
    application_name: 'jianyan-jobs',
    // Migrated with the rest of the schema (db/migrate.server.ts), before any process starts.
    migrate: false,
    // Expiry of a dead worker's jobs is checked by this maintenance (one
    // worker per interval, pg-boss's lock): 30 s rather than 120 s, so that a
    // lost enrichment is retried within about a minute and a half.
    maintenanceIntervalSeconds: 30,
  });
  boss.on('error', (error: Error) => log.error({ err: error.message }, 'job queue error'));
  await boss.start();
  const sessions = new AbortController();
  try {
    await registerHandlers(boss, {
      db,
      config,
      log,
      signal: sessions.signal,
      pollSeconds: Math.max(MIN_POLL_SECONDS, config.workerPollSeconds),
    });
    await schedule(boss, config);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    boss,
    stop: () =>
      (stopping ??= (async () => {
        sessions.abort();
        await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
      })()),
  };
}

// Cron schedules live in pgboss.schedule, shared by every worker; pg-boss
// sends each tick once, whichever worker's clock fires first.
async function schedule(boss: PgBoss, config: Config) {
  await boss.schedule(QUEUES.deliverMail, '* * * * *');
  await boss.schedule(QUEUES.housekeeping, '7 * * * *');
  await boss.schedule(QUEUES.retention, '17 3 * * *');
  await boss.schedule(QUEUES.searchSweep, '*/10 * * * *');
  await boss.schedule(QUEUES.discoverThemes, '*/15 * * * *');
  if (config.intake.imap) await boss.schedule(QUEUES.pollMailbox, '* * * * *');
  else await boss.unschedule(QUEUES.pollMailbox);
  // A worker that starts does each at once rather than at the next tick: a
  // restart after a crash catches up, and a fresh install is tidy from the start.
  for (const name of [
    QUEUES.housekeeping,
    QUEUES.retention,
    QUEUES.searchSweep,
    QUEUES.deliverMail,
    QUEUES.discoverThemes,
  ])
    await boss.send(name, { reason: 'worker started' });
  if (config.intake.imap) await boss.send(QUEUES.pollMailbox, { reason: 'worker started' });
}
