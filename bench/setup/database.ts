import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedDatabase } from '../../db/embedded.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';

// The bench's PostgreSQL: DATABASE_URL's server, or an embedded cluster under
// .tmp/bench-pg with pg_stat_statements loaded (to count queries per page).
// A database of its own, recreated per size, migrated by the product.

export type BenchDatabase = {
  url: string;
  adminUrl: string;
  /** Whether pg_stat_statements answers (query counts); an outside server may not load it. */
  countsQueries: boolean;
  version: string;
  stop: () => Promise<void>;
};

const quiet = { info: () => {}, warn: (m: string) => console.warn(m), debug: () => {} };

export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({
        dataDir: path.resolve('.tmp/bench-pg'),
        databaseName: 'postgres',
        log: quiet,
        settings: {
          shared_preload_libraries: 'pg_stat_statements',
          'pg_stat_statements.track': 'top',
          max_connections: '200',
        },
      });
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const [server] = await admin<{ version: string }[]>`select current_setting('server_version') as version`;
  const version = server!.version;
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const countsQueries = await sql`create extension if not exists pg_stat_statements`.then(
    () => sql`select 1 from pg_stat_statements limit 1`.then(() => true),
    () => false,
  );
  await sql.end();
  return { url: url.toString(), adminUrl, countsQueries, version, stop: async () => embedded?.stop() };
}
