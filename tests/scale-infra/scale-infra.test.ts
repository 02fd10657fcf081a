import crypto from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connect } from '../../db/client.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { createStaff } from '../factories/staff.ts';
import { freePort } from '../faults/helpers/web-process.ts';
import { healthy, loggedStart, startCompiled, type CompiledProcess } from '../integration/helpers/compiled-process.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { FAKE_SECRET, FAKE_SITEKEY, startFakeHcaptcha, type FakeHcaptcha } from '../setup/fake-hcaptcha.ts';
import { startSmtpSink } from '../setup/smtp-sink.ts';
import { startNginx, startPgBouncer, startReplicatedPostgres, type Daemon, type Replicated } from './infra.ts';

// Issue 17 with the real parts (decision 087): nginx balancing two web
// processes round-robin, the web processes on PgBouncer in transaction mode
// (DATABASE_PREPARE=0) and on a streaming standby for their lag-tolerant
// reads (DATABASE_REPLICA_URL), a worker on a direct connection, PostgreSQL 15
// primary and standby from Debian's packages. tests/integration/scale-out.test.ts
// covers the same processes on one database without the infrastructure.

const SLUG = 'nanhu-14th-five-year-plan';
const DATABASE = 'jianyan';
const root = path.resolve('.tmp/scale-infra');

let pg: Replicated;
let bouncer: Daemon;
let nginx: Daemon;
let captcha: FakeHcaptcha;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let primary: ReturnType<typeof connect>;
let standby: postgres.Sql;
const webs: CompiledProcess[] = [];
// Every line each web process logged (the helper keeps only the last 20 kB).
const logs: string[][] = [];
let worker: CompiledProcess;
let site = '';
let planner: { email: string; password: string };
let planId: number;

beforeAll(async () => {
  pg = await startReplicatedPostgres(path.join(root, 'pg'));
  const admin = postgres(pg.primaryUrl('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${DATABASE}`);
  await admin.end();
  // Migrations on a direct connection, once, before any web process starts (decision 097).
  await migrateDatabase(pg.primaryUrl(DATABASE));
  primary = connect(pg.primaryUrl(DATABASE), 2);
  await seedIfEmpty(primary.db);
  planner = await createStaff(primary.db, { role: 'planner' });
  planId = (await primary.sql<{ id: number }[]>`select id from plans where slug = ${SLUG}`)[0]!.id;
  standby = postgres(pg.standbyUrl(DATABASE), { max: 1, onnotice: () => {} });

  bouncer = await startPgBouncer(path.join(root, 'pgbouncer'), {
    port: pg.primaryPort,
    database: DATABASE,
    password: pg.password,
  });
  sink = await startSmtpSink();
  captcha = await startFakeHcaptcha();
  const common = {
    CONTACT_KEY: TEST_CONTACT_KEY,
    SMTP_URL: sink.url,
    HCAPTCHA_SITEKEY: FAKE_SITEKEY,
    HCAPTCHA_SECRET: FAKE_SECRET,
    HCAPTCHA_VERIFY_URL: captcha.verifyUrl,
    WORKER_POLL_SECONDS: '0.2',
  };
  const webPorts = [await freePort(), await freePort()];
  for (const [i, port] of webPorts.entries()) {
    const url = `http://127.0.0.1:${port}`;
    webs.push(
      await startCompiled({
        name: `infra-web-${i}`,
        entry: 'main',
        args: ['--web-only'],
        env: {
          ...common,
          DATABASE_URL: `postgres://postgres:${encodeURIComponent(pg.password)}@127.0.0.1:${bouncer.port}/${DATABASE}`,
          DATABASE_PREPARE: '0',
          DATABASE_POOL_MAX: '4',
          DATABASE_REPLICA_URL: pg.standbyUrl(DATABASE),
          MIGRATE_ON_START: '0',
          TRUST_PROXY: 'loopback',
          PORT: String(port),
          HOST: '127.0.0.1',
        },
        ready: healthy(url),
      }),
    );
    const chunks: string[] = [];
    webs.at(-1)!.child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    logs.push(chunks);
  }
  // Workers connect directly: their mailbox lock is session-level (decision 097).
  worker = await startCompiled({
    name: 'infra-worker',
    entry: 'worker',
    env: { ...common, DATABASE_URL: pg.primaryUrl(DATABASE), MIGRATE_ON_START: '0' },
    ready: loggedStart,
  });
  // SCALE_INFRA_PORT picks nginx's port (a shared machine gives each checkout its own); any free one otherwise.
  const nginxPort = Number(process.env.SCALE_INFRA_PORT) || (await freePort());
  site = `http://127.0.0.1:${nginxPort}`;
  nginx = await startNginx(path.join(root, 'nginx'), webPorts, nginxPort);
}, 240_000);

afterAll(async () => {
  await Promise.all([...webs, worker].filter(Boolean).map((p) => p.kill('SIGTERM')));
  await nginx?.stop();
  await bouncer?.stop();
  await standby?.end();
  await primary?.sql.end();
  await sink?.close();
  await captcha?.close();
  pg?.stop();
});

test('the standby streams from the primary, and the web processes reach the primary through PgBouncer', async () => {
  const replication = await primary.sql<{ state: string }[]>`select state from pg_stat_replication`;
  expect(replication.map((r) => r.state)).toEqual(['streaming']);
  expect((await standby<{ recovery: boolean }[]>`select pg_is_in_recovery() as recovery`)[0]!.recovery).toBe(true);
  const answer = await submit(`bouncer-${crypto.randomUUID()}@example.edu.cn`);
  expect(answer.status).toBe(303);
  // PgBouncer's own count of the transactions it carried to this database.
  const console = postgres(
    `postgres://postgres:${encodeURIComponent(pg.password)}@127.0.0.1:${bouncer.port}/pgbouncer`,
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
  const before = webs.map((_, i) => requests(i).length);
  for (let i = 0; i < 6; i += 1) {
    const response = await fetch(`${site}/privacy`, { redirect: 'manual' });
    await response.text(); // read to the end: a cancelled body is never logged as finished
    expect(response.status).toBe(200);
  }
  // The logs arrive through pipes, a moment after the answers.
  const served = () =>
    webs.map(
      (_, i) =>
        requests(i)
          .slice(before[i])
          .filter((r) => r.path === '/privacy').length,
    );
  await expect.poll(served, { timeout: 10_000 }).toEqual([3, 3]);

  const emails = Array.from({ length: 4 }, (_, i) => `rr-${i}-${crypto.randomUUID()}@example.edu.cn`);
  const stored = await count();
  for (const email of emails) expect((await submit(email)).status).toBe(303);
  // Each 303 is a suggestion committed on the primary (the e-mail in its title is masked, so count them).
  expect(await count()).toBe(stored + emails.length);
  await expect
    .poll(() => emails.filter((e) => sink.received.some((m) => m.to.includes(e))).length, { timeout: 60_000 })
    .toBe(emails.length);
  // Give a second delivery time to show up.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const email of emails) expect(sink.received.filter((m) => m.to.includes(email))).toHaveLength(1);
}, 120_000);

test('a sign-in answered by one web process is the session on the other', async () => {
  const before = webs.map((_, i) => requests(i).length);
  const cookie = await logIn();
  const signedInOn = () =>
    webs.findIndex((_, i) =>
      requests(i)
        .slice(before[i])
        .some((r) => r.path === '/admin/login'),
    );
  await expect.poll(signedInOn, { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
  const signedIn = signedInOn();
  const other = 1 - signedIn;
  const mark = requests(other).length;
  for (let i = 0; i < 4; i += 1) {
    const response = await fetch(`${site}/admin/suggestions?planId=${planId}`, {
      redirect: 'manual',
      headers: { cookie },
    });
    await response.text(); // read to the end: a cancelled body is never logged as finished
    expect(response.status).toBe(200);
  }
  // The web process that did not sign the planner in served their pages too.
  const served = () =>
    requests(other)
      .slice(mark)
      .filter((r) => r.path === '/admin/suggestions' && r.status === 200).length;
  await expect.poll(served, { timeout: 10_000 }).toBe(2);
}, 60_000);

test('with the standby paused, the queue and the exports lag; the suggestion page and writes do not; resumed, they catch up', async () => {
  const cookie = await logIn();
  const title = `复制延迟 ${crypto.randomBytes(4).toString('hex')}`;
  await standby`select pg_wal_replay_pause()`;
  try {
    expect((await submit(`lag-${crypto.randomUUID()}@example.edu.cn`, title)).status).toBe(303);
    const [row] = await primary.sql<{ id: string }[]>`select id::text from suggestions where title = ${title}`;
    expect(row).toBeDefined();
    // The suggestion's own page reads the primary (decision 096): there at once.
    expect(await page(cookie, `/admin/suggestions/${row!.id}`)).toContain(title);
    // The replica's readers do not see it yet.
    expect(await page(cookie, `/admin/suggestions?planId=${planId}`)).not.toContain(title);
    expect(await exportCsv(cookie)).not.toContain(title);
  } finally {
    await standby`select pg_wal_replay_resume()`;
  }
  await expect
    .poll(async () => (await page(cookie, `/admin/suggestions?planId=${planId}`)).includes(title), { timeout: 30_000 })
    .toBe(true);
  expect(await exportCsv(cookie)).toContain(title);
}, 120_000);

async function count(): Promise<number> {
  return (await primary.sql<{ n: number }[]>`select count(*)::int as n from suggestions`)[0]!.n;
}

type LoggedRequest = { method: string; path: string; status: number };

/** The requests web process `i` logged, in order. */
function requests(i: number): LoggedRequest[] {
  return logs[i]!.join('')
    .split('\n')
    .flatMap((line) => {
      if (!line.startsWith('{')) return [];
      const entry = JSON.parse(line) as LoggedRequest & { msg?: string };
      return entry.msg === 'request' ? [entry] : [];
    });
}

async function submit(email: string, title = `经 nginx 提交 ${email}`) {
  const html = await (await fetch(`${site}/plans/${SLUG}/suggest`)).text();
  const intakeKey = /name="intakeKey" value="([^"]+)"/.exec(html)?.[1];
  const categoryId = /<option value="(\d+)">/.exec(html)?.[1];
  if (!intakeKey || !categoryId) throw new Error('the form lacks its key or categories');
  const response = await fetch(`${site}/plans/${SLUG}/suggest`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: site },
    body: new URLSearchParams({
      intakeKey,
      categoryId,
      title,
      body: '建议在新校区增设自习室，并延长晚间开放时间。',
      submitterType: '在校学生',
      name: '测试同学',
      email,
      consent: 'on',
      'captcha-token': `pass-${crypto.randomUUID()}`,
    }),
  });
  await response.text(); // read to the end: a cancelled body is never logged as finished
  return { status: response.status };
}

async function logIn(): Promise<string> {
  const response = await fetch(`${site}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: site },
    body: new URLSearchParams({ email: planner.email, password: planner.password, redirectTo: '/admin' }),
  });
  await response.text(); // read to the end: a cancelled body is never logged as finished
  const cookie = /^(jianyan_staff=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in answered ${response.status}`);
  return cookie;
}

async function page(cookie: string, url: string): Promise<string> {
  const response = await fetch(`${site}${url}`, { headers: { cookie } });
  expect(response.status, url).toBe(200);
  return response.text();
}

async function exportCsv(cookie: string): Promise<string> {
  const response = await fetch(`${site}/admin/exports/download`, {
    method: 'POST',
    headers: { cookie, origin: site, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ planId: String(planId), format: 'csv' }).toString(),
  });
  expect(response.status).toBe(200);
  return response.text();
}
