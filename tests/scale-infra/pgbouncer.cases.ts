import crypto from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { expect, test } from 'vitest';
import { exportRows } from '../../app/domain/exports/export-rows.server.ts';
import { connect } from '../../db/client.server.ts';
import { startCompiled } from '../integration/helpers/compiled-process.ts';
import { fullExporter } from '../integration/helpers/exports.ts';
import { DATABASE, type Deployment } from './deployment.ts';
import { submit } from './site.ts';

// PgBouncer in transaction mode (decision 099): what goes through it works
// (web processes with DATABASE_PREPARE=0, the export cursor, pg-boss's send in
// a receipt's transaction), and what cannot (a worker's session lock) is
// refused.

export function pgbouncerTests(d: Deployment) {
  test('through PgBouncer, 300 concurrent queries and transactions on a pool of two all answer, each transaction on one server connection', async () => {
    const { db, sql } = connect(d.bouncerUrl(), 2, { prepare: false });
    let late = 0;
    const inTime = <T>(work: Promise<T>) =>
      Promise.race([
        work,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer (${(late += 1)})`)), 15_000)),
      ]);
    try {
      const answers = await Promise.allSettled(
        Array.from({ length: 300 }, (_, i) => {
          const tag = `q${i}`;
          // Without parameters (postgres.js can pipeline these), with parameters, and transactions.
          if (i % 3 === 0) return inTime(sql.unsafe(`select '${tag}' as tag`).then((r) => r[0]!.tag as string));
          if (i % 3 === 1) return inTime(sql`select ${tag}::text as tag`.then((r) => r[0]!.tag as string));
          // A setting local to the transaction reads back only on the same server connection.
          return inTime(
            db.transaction(async (tx) => {
              await tx.execute(`select set_config('jianyan.probe', '${tag}', true)`);
              const [row] = await tx.execute<{ tag: string }>(`select current_setting('jianyan.probe') as tag`);
              return row!.tag;
            }),
          );
        }),
      );
      expect(late).toBe(0);
      expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : String(a.reason)))).toEqual(
        Array.from({ length: 300 }, (_, i) => `q${i}`),
      );
      // A transaction that throws is rolled back and its connection serves the next query.
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(`select set_config('jianyan.probe', 'rolled back', true)`);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await sql`select 1 as one`)[0]!.one).toBe(1);
    } finally {
      await sql.end({ timeout: 1 });
    }
  }, 60_000);

  test('an export streams through PgBouncer: its cursor keeps one server connection across batches while the contact reads between them pass', async () => {
    const { db, sql } = connect(d.bouncerUrl(), 2, { prepare: false });
    const admin = postgres(d.bouncerUrl('pgbouncer'), {
      max: 1,
      prepare: false,
      fetch_types: false,
      onnotice: () => {},
    });
    const activeServers = async () => {
      const pools = (await admin.unsafe('SHOW POOLS').simple()) as unknown as { database: string; sv_active: string }[];
      return Number(pools.find((p) => p.database === DATABASE)?.sv_active);
    };
    try {
      const viewer = await fullExporter(d.primary.db);
      const ids: number[] = [];
      const during: number[] = [];
      let contacts = 0;
      for await (const batch of exportRows(db, { planId: d.planId, statuses: [] } as never, {
        viewer,
        includeContacts: true,
        batchSize: 3,
      })) {
        ids.push(...batch.map((row) => row.id));
        contacts += batch.filter((row) => row.contact !== undefined).length;
        // Between two fetches the cursor's transaction is open: PgBouncer keeps its server.
        during.push(await activeServers());
      }
      const expected = await d.primary.sql<{ id: number }[]>`
        select id::int as id from suggestions where plan_id = ${d.planId} and status not in ('spam', 'duplicate') order by id`;
      expect(during.length).toBeGreaterThanOrEqual(4);
      expect(ids).toEqual(expected.map((r) => r.id));
      expect(contacts).toBe(ids.length);
      // The last batch comes with the end of the portal, when the server is already given back.
      expect(Math.min(...during.slice(0, -1)), String(during)).toBeGreaterThanOrEqual(1);
      // Ended, the cursor gives its server back.
      await expect.poll(activeServers, { timeout: 5000 }).toBe(0);
    } finally {
      await admin.end();
      await sql.end({ timeout: 1 });
    }
  }, 60_000);

  test("a receipt's jobs are queued through PgBouncer inside its transaction, and a worker on a direct connection completes them", async () => {
    const title = `经 PgBouncer 入队 ${crypto.randomBytes(4).toString('hex')}`;
    expect((await submit(d, `job-${crypto.randomUUID()}@example.edu.cn`, title)).status).toBe(303);
    const [row] = await d.primary.sql<{ id: number }[]>`select id from suggestions where title = ${title}`;
    const states = () => d.primary.sql<{ state: string }[]>`
      select state from pgboss.job where name = 'suggestion-enrich' and data->>'suggestionId' = ${String(row!.id)}
      union all
      select state from pgboss.archive where name = 'suggestion-enrich' and data->>'suggestionId' = ${String(row!.id)}`;
    await expect.poll(async () => (await states()).map((s) => s.state), { timeout: 30_000 }).toEqual(['completed']);
    const [search] = await d.primary.sql`select 1 from suggestion_search where suggestion_id = ${row!.id}`;
    expect(search).toBeDefined();
  }, 60_000);

  test('through PgBouncer a session advisory lock outlives the client that took it; directly it ends with the client', async () => {
    const key = crypto.randomInt(1_000_000, 2_000_000);
    const held = async () =>
      (
        await d.primary.sql<{ pid: number }[]>`
          select pid from pg_locks where locktype = 'advisory' and classid = 4004 and objid = ${key} and granted`
      ).map((r) => r.pid);
    for (const [url, outlives] of [
      [d.bouncerUrl(), true],
      [d.pg.primaryUrl(DATABASE), false],
    ] as const) {
      const client = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
      expect((await client`select pg_try_advisory_lock(4004, ${key}) as locked`)[0]!.locked).toBe(true);
      await client.end();
      // A closed direct session is gone within moments; PgBouncer keeps its server connection, lock and all.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await held()).length, url.includes(String(d.bouncer.port)) ? 'via PgBouncer' : 'direct').toBe(
        outlives ? 1 : 0,
      );
      for (const pid of await held()) await d.primary.sql`select pg_terminate_backend(${pid})`;
    }
  }, 30_000);

  test('a worker, or a web process that runs the jobs, refuses DATABASE_PREPARE=0 and says which connection it needs', async () => {
    // Both entry points at once: each spends most of its start loading the bundle.
    const refusals = (['worker', 'main'] as const).map((entry) =>
      startCompiled({
        name: `infra-refused-${entry}`,
        entry,
        env: {
          DATABASE_URL: d.bouncerUrl(),
          DATABASE_PREPARE: '0',
          MIGRATE_ON_START: '0',
          DATA_DIR: path.resolve('.tmp/scale-infra/refused'),
        },
        ready: async () => false,
      }),
    );
    const outcomes = await Promise.allSettled(refusals);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect(String((outcome as PromiseRejectedResult).reason)).toMatch(
        /background jobs need a direct connection to PostgreSQL/,
      );
    }
  }, 60_000);
}
