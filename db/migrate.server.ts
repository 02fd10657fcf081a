import fs from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrateJobsSchema } from './jobs-schema.server.ts';
import { findProjectRoot } from './project-root.ts';

export const migrationsFolder = path.join(findProjectRoot(import.meta.dirname), 'db/migrations');

// Any constant works; it only has to be the same in every process, so that two
// web or worker processes starting together apply migrations one at a time.
const MIGRATION_LOCK = 7_211_042;

/** Applies the committed drizzle-kit migrations that the database lacks, then pg-boss's schema and queues. */
export async function migrateDatabase(url: string): Promise<void> {
  // One connection, so the advisory lock and the migration share a session.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(sql), { migrationsFolder });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  await migrateJobsSchema(url);
}

/**
 * The committed migrations the database lacks, by tag; none when it is up to
 * date (or ahead: a newer release migrated it first, which additive migrations
 * allow). Drizzle applies a migration when its journal time is later than the
 * last one recorded, so the same rule tells what it would apply.
 */
export async function checkMigrated(url: string): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [table] = await sql`select to_regclass('drizzle.__drizzle_migrations') as name`;
    if (!table?.name) return journal.entries.map((e) => e.tag);
    const [last] = await sql`select max(created_at)::bigint as at from drizzle.__drizzle_migrations`;
    const appliedUpTo = Number(last?.at ?? 0);
    return journal.entries.filter((e) => e.when > appliedUpTo).map((e) => e.tag);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
