import { sql as drizzleSql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connect } from '../../db/client.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// A pool made for PgBouncer's transaction mode (DATABASE_PREPARE=0, decision
// 099): no pipelining, and transactions on a connection they reserve. Here on
// PostgreSQL directly; tests/scale-infra runs it through a real PgBouncer.

const database = setupTestDatabase();
let pooled: ReturnType<typeof connect>;

beforeAll(async () => {
  await database.sql`create table pooler_probe (n int not null)`;
  pooled = connect(database.url, 2, { prepare: false });
});
afterAll(() => pooled?.sql.end({ timeout: 1 }));

const rows = async () => (await database.sql<{ n: number }[]>`select n from pooler_probe order by n`).map((r) => r.n);

test('a transaction commits, and one that throws leaves nothing', async () => {
  await pooled.db.transaction(async (tx) => {
    await tx.execute(drizzleSql`insert into pooler_probe values (1)`);
  });
  await expect(
    pooled.db.transaction(async (tx) => {
      await tx.execute(drizzleSql`insert into pooler_probe values (2)`);
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect(await rows()).toEqual([1]);
});

test('a nested transaction rolls back to its savepoint and the outer one commits', async () => {
  await pooled.db.transaction(async (tx) => {
    await tx.execute(drizzleSql`insert into pooler_probe values (3)`);
    await expect(
      tx.transaction(async (inner) => {
        await inner.execute(drizzleSql`insert into pooler_probe values (4)`);
        throw new Error('inner only');
      }),
    ).rejects.toThrow('inner only');
    await tx.transaction(async (inner) => {
      await inner.execute(drizzleSql`insert into pooler_probe values (5)`);
    });
  });
  expect(await rows()).toEqual([1, 3, 5]);
});

test('200 concurrent queries and transactions on a pool of two all answer, each transaction on one session', async () => {
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? pooled.sql.unsafe(`select 'q${i}' as tag`).then((r) => r[0]!.tag as string)
        : pooled.db.transaction(async (tx) => {
            await tx.execute(drizzleSql.raw(`select set_config('jianyan.probe', 'q${i}', true)`));
            const [row] = await tx.execute<{ tag: string }>(drizzleSql`select current_setting('jianyan.probe') as tag`);
            return row!.tag;
          }),
    ),
  );
  expect(answers).toEqual(Array.from({ length: 200 }, (_, i) => `q${i}`));
});
