import crypto from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { connect, type Database } from '../../db/client.server.ts';
import { TEMPLATE_DATABASE, withDatabaseName } from './global-database.ts';

export type TestDatabase = { db: Database; sql: postgres.Sql; url: string };

/**
 * A fresh, migrated database for this test file, copied from the template
 * (fast, isolated, no truncate lists), dropped when the file is done.
 */
export function setupTestDatabase(): TestDatabase {
  const adminUrl = inject('databaseAdminUrl');
  const name = `jianyan_test_${crypto.randomBytes(6).toString('hex')}`;
  const handle = {} as TestDatabase;

  beforeAll(async () => {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
    } finally {
      await admin.end();
    }
    const url = withDatabaseName(adminUrl, name);
    Object.assign(handle, connect(url, 4), { url });
  });

  afterAll(async () => {
    await handle.sql?.end({ timeout: 5 });
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await admin.end();
    }
  });

  return handle;
}
