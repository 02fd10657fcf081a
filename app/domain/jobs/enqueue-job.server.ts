import PgBoss from 'pg-boss';
import type postgres from 'postgres';
import { postgresClientOf, type DbExecutor } from '../../../db/client.server.ts';
import { JOBS_SCHEMA, type QueueName } from './queues.ts';

// pg-boss only builds the INSERT here: every send goes through the executor
// passed with it, so this instance never opens a connection of its own.
let sender: PgBoss | undefined;
const refuse = {
  executeSql: () => Promise.reject(new Error('jobs are sent through the caller’s transaction')),
};

/**
 * Queues a pg-boss job in the caller's transaction (or on its connection):
 * the job exists exactly when the transaction that asked for it commits, so a
 * crash between a receipt and its job loses nothing.
 */
export async function enqueueJob(
  db: DbExecutor,
  name: QueueName,
  data: Record<string, unknown>,
  options: Omit<PgBoss.SendOptions, 'db'> = {},
): Promise<string | null> {
  sender ??= new PgBoss({ db: refuse, schema: JOBS_SCHEMA, supervise: false, schedule: false, migrate: false });
  return sender.send(name, data, { ...options, db: executorOf(db) });
}

/** pg-boss's `executeSql(text, values)` on a Drizzle database or transaction (postgres.js underneath). */
export function executorOf(db: DbExecutor) {
  const client = postgresClientOf(db);
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await client.unsafe(text, values.map(asParameter) as postgres.ParameterOrJSON<never>[]),
    }),
  };
}

// node-postgres (pg-boss's own driver) turns objects into JSON; postgres.js
// needs them as text for pg-boss's `$3::jsonb`.
function asParameter(value: unknown) {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array))
    return JSON.stringify(value);
  return value;
}
