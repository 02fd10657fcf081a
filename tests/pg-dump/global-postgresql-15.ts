import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { TEMPLATE_DATABASE, withDatabaseName } from '../setup/global-database.ts';
import { startPostgres15, type Cluster } from './postgresql-15.ts';

// The global database setup of `npm run test:pg-dump`: the same template
// database as tests/setup/global-database.ts, on a PostgreSQL 15 cluster whose
// own pg_dump can then dump it. The migrations run on 15 as they are.

let cluster: Cluster | undefined;

export async function setup(project: TestProject) {
  cluster = await startPostgres15(path.resolve('.tmp/test-pg15'));
  const sql = postgres(cluster.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await sql.end();
  }
  await migrateDatabase(withDatabaseName(cluster.adminUrl, TEMPLATE_DATABASE));
  project.provide('databaseAdminUrl', cluster.adminUrl);
}

export function teardown() {
  cluster?.stop();
}
