import { sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();

test('migrations create every table of the initial schema', async () => {
  const rows = await database.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  expect(rows.map((row) => row.table_name)).toEqual(
    expect.arrayContaining([
      'attachments',
      'categories',
      'plan_sections',
      'plans',
      'suggestion_contacts',
      'suggestions',
    ]),
  );
});

test('migrations enable pg_trgm', async () => {
  const [row] = await database.db.execute<{ similarity: number }>(
    sql`select similarity('十四五规划', '十四五规划意见') as similarity`,
  );
  expect(row!.similarity).toBeGreaterThan(0.3);
});

test('running the migrations again changes nothing', async () => {
  const count = async () =>
    (await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n;
  const before = await count();
  await migrateDatabase(database.url);
  expect(await count()).toBe(before);
});

test('contact details sit in their own table, not on the suggestion', async () => {
  const columns = await database.db.execute<{ column_name: string }>(
    sql`select column_name from information_schema.columns where table_name = 'suggestions'`,
  );
  const names = columns.map((c) => c.column_name);
  for (const contactField of ['name', 'unit', 'phone', 'email']) expect(names).not.toContain(contactField);
});

test('the database stores Chinese text in UTF-8', async () => {
  const [row] = await database.db.execute<{ encoding: string }>(
    sql`select pg_encoding_to_char(encoding) as encoding from pg_database where datname = current_database()`,
  );
  expect(row!.encoding).toBe('UTF8');
});
