import crypto from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DATABASE, startDeployment, stopDeployment, type Deployment } from './deployment.ts';
import { imapSingletonTests } from './imap-singleton.cases.ts';
import { pgbouncerTests } from './pgbouncer.cases.ts';
import { exportCsv, logIn, page, requests, submit } from './site.ts';

// Issue 17 with the real parts (decisions 087, 099): the deployment of
// tests/scale-infra/deployment.ts, started once for this file. The PgBouncer
// and IMAP cases live in their own modules and run last: the IMAP case kills
// a worker. tests/integration/scale-out.test.ts covers the same processes on
// one database without the infrastructure.

const d = {} as Deployment;

beforeAll(async () => {
  Object.assign(d, await startDeployment());
}, 240_000);

afterAll(() => stopDeployment(d));

test('the standby streams from the primary, and the web processes reach the primary through PgBouncer', async () => {
  const replication = await d.primary.sql<{ state: string }[]>`select state from pg_stat_replication`;
  expect(replication.map((r) => r.state)).toEqual(['streaming']);
  expect((await d.standby<{ recovery: boolean }[]>`select pg_is_in_recovery() as recovery`)[0]!.recovery).toBe(true);
  const answer = await submit(d, `bouncer-${crypto.randomUUID()}@example.edu.cn`);
  expect(answer.status).toBe(303);
  // PgBouncer's own count of the transactions it carried to this database.
  const console = postgres(
    `postgres://postgres:${encodeURIComponent(d.pg.password)}@127.0.0.1:${d.bouncer.port}/pgbouncer`,
    {
      max: 1,
      prepare: false,
      // The admin console speaks only the simple protocol: no type lookup at connect.
      fetch_types: false,
      onnotice: () => {},
    },
  );
  try {
    const stats = await console.unsafe('SHOW STATS').simple();
    const ours = (stats as unknown as { database: string; total_xact_count: string }[]).find(
      (row) => row.database === DATABASE,
    );
    expect(Number(ours?.total_xact_count)).toBeGreaterThan(0);
    // Both web processes are PgBouncer's clients (DATABASE_URL points at it).
    const clients = (await console.unsafe('SHOW CLIENTS').simple()) as unknown as { database: string }[];
    expect(clients.filter((c) => c.database === DATABASE).length).toBeGreaterThanOrEqual(2);
  } finally {
    await console.end();
  }
}, 60_000);

test('nginx sends requests round-robin to both web processes; each receipt is a committed suggestion, mailed once by the worker', async () => {
  const before = d.webs.map((w) => requests(w).length);
  for (let i = 0; i < 6; i += 1) {
    const response = await fetch(`${d.site}/privacy`, { redirect: 'manual' });
    await response.text(); // read to the end: a cancelled body is never logged as finished
    expect(response.status).toBe(200);
  }
  // The logs arrive through pipes, a moment after the answers.
  const served = () =>
    d.webs.map(
      (w, i) =>
        requests(w)
          .slice(before[i])
          .filter((r) => r.path === '/privacy').length,
    );
  await expect.poll(served, { timeout: 10_000 }).toEqual([3, 3]);

  const emails = Array.from({ length: 4 }, (_, i) => `rr-${i}-${crypto.randomUUID()}@example.edu.cn`);
  const stored = await count();
  for (const email of emails) expect((await submit(d, email)).status).toBe(303);
  // Each 303 is a suggestion committed on the primary (the e-mail in its title is masked, so count them).
  expect(await count()).toBe(stored + emails.length);
  await expect
    .poll(() => emails.filter((e) => d.sink.received.some((m) => m.to.includes(e))).length, { timeout: 60_000 })
    .toBe(emails.length);
  // Give a second delivery time to show up.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const email of emails) expect(d.sink.received.filter((m) => m.to.includes(email))).toHaveLength(1);
}, 120_000);

test('a sign-in answered by one web process is the session on the other', async () => {
  const before = d.webs.map((w) => requests(w).length);
  const cookie = await logIn(d);
  const signedInOn = () =>
    d.webs.findIndex((w, i) =>
      requests(w)
        .slice(before[i])
        .some((r) => r.path === '/admin/login'),
    );
  await expect.poll(signedInOn, { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
  const signedIn = signedInOn();
  const other = 1 - signedIn;
  const mark = requests(d.webs[other]!).length;
  for (let i = 0; i < 4; i += 1) {
    const response = await fetch(`${d.site}/admin/suggestions?planId=${d.planId}`, {
      redirect: 'manual',
      headers: { cookie },
    });
    await response.text(); // read to the end: a cancelled body is never logged as finished
    expect(response.status).toBe(200);
  }
  // The web process that did not sign the planner in served their pages too.
  const served = () =>
    requests(d.webs[other]!)
      .slice(mark)
      .filter((r) => r.path === '/admin/suggestions' && r.status === 200).length;
  await expect.poll(served, { timeout: 10_000 }).toBe(2);
}, 60_000);

test('with the standby paused, the queue and the exports lag; the suggestion page and writes do not; resumed, they catch up', async () => {
  const cookie = await logIn(d);
  const title = `复制延迟 ${crypto.randomBytes(4).toString('hex')}`;
  await d.standby`select pg_wal_replay_pause()`;
  try {
    expect((await submit(d, `lag-${crypto.randomUUID()}@example.edu.cn`, title)).status).toBe(303);
    const [row] = await d.primary.sql<{ id: string }[]>`select id::text from suggestions where title = ${title}`;
    expect(row).toBeDefined();
    // The suggestion's own page reads the primary (decision 096): there at once.
    expect(await page(d, cookie, `/admin/suggestions/${row!.id}`)).toContain(title);
    // The replica's readers do not see it yet.
    expect(await page(d, cookie, `/admin/suggestions?planId=${d.planId}`)).not.toContain(title);
    expect(await exportCsv(d, cookie)).not.toContain(title);
  } finally {
    await d.standby`select pg_wal_replay_resume()`;
  }
  await expect
    .poll(async () => (await page(d, cookie, `/admin/suggestions?planId=${d.planId}`)).includes(title), {
      timeout: 30_000,
    })
    .toBe(true);
  expect(await exportCsv(d, cookie)).toContain(title);
}, 120_000);

pgbouncerTests(d);
imapSingletonTests(d);

async function count(): Promise<number> {
  return (await d.primary.sql<{ n: number }[]>`select count(*)::int as n from suggestions`)[0]!.n;
}
