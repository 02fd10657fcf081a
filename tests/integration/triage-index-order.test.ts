import { sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { setupTestDatabase } from '../setup/test-database.ts';

// The triage queue orders by (submitted_at desc, id desc), a plain DESC, that
// is DESC NULLS FIRST. An index built DESC NULLS LAST cannot serve that order,
// and at a million rows the first page became a full sort. With sorting
// priced out, a plan that still sorts means no index matches the order.

const database = setupTestDatabase();

async function plan(query: string): Promise<string> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_sort = off`);
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = await tx.execute<{ 'QUERY PLAN': string }>(sql.raw(`explain ${query}`));
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

test('every queue order, forward and backward, is read from an index without a sort', async () => {
  const queries = [
    'select id from suggestions order by submitted_at desc, id desc limit 50',
    'select id from suggestions order by submitted_at asc, id asc limit 50',
    "select id from suggestions where plan_id = 1 and status = 'received' order by submitted_at desc, id desc limit 50",
    "select id from suggestions where status = 'received' order by submitted_at desc, id desc limit 50",
    'select id from suggestions where plan_id = 1 order by updated_at desc, id desc limit 50',
    'select id from suggestions where assignee_id = 1 order by submitted_at desc, id desc limit 50',
  ];
  for (const query of queries) {
    const text = await plan(query);
    expect(text, query).toMatch(/Index (Only )?Scan/);
    expect(text, query).not.toMatch(/\bSort\b/);
  }
});
