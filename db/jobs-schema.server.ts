import PgBoss from 'pg-boss';
import { JOBS_SCHEMA, QUEUE_SETTINGS } from '../app/domain/jobs/queues.ts';

/**
 * Installs (or upgrades) pg-boss's own schema and creates Jianyan's queues.
 * Part of every migration, so that a submission, which queues its job in its
 * own transaction, never meets a database without them. pg-boss takes its own
 * advisory lock, so processes starting together install it once.
 */
export async function migrateJobsSchema(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOBS_SCHEMA,
    max: 1,
    application_name: 'jianyan-migrate',
    supervise: false,
    schedule: false,
    migrate: true,
  });
  boss.on('error', () => {}); // surfaced by the awaited call that fails
  await boss.start();
  try {
    for (const [name, settings] of Object.entries(QUEUE_SETTINGS)) {
      // createQueue leaves an existing queue as it is; updateQueue applies changed settings.
      await boss.createQueue(name, { name, ...settings });
      await boss.updateQueue(name, { name, ...settings });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
