import crypto from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { createStaff } from '../factories/staff.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { FAKE_SECRET, FAKE_SITEKEY, startFakeHcaptcha, type FakeHcaptcha } from '../setup/fake-hcaptcha.ts';
import { startSmtpSink, type ReceivedMail } from '../setup/smtp-sink.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { freePort } from '../faults/helpers/web-process.ts';
import { healthy, loggedStart, startCompiled, type CompiledProcess } from './helpers/compiled-process.ts';

// Issue 17's scale test, CI-sized: two web processes and two workers, all
// compiled (build/node/, plain node), on one PostgreSQL. Requests go
// round-robin across the web processes. It asserts behaviour a citizen or a
// staff member sees (receipts, 429s, mail in the inbox, sign-in answers), not
// how the worker schedules its jobs, so it holds whatever drives the worker.

const database = setupTestDatabase();
const SLUG = 'nanhu-14th-five-year-plan';
// Per client address and hour, counted in PostgreSQL: both web processes see 127.0.0.1.
const SUBMIT_LIMIT = 12;

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let captcha: FakeHcaptcha;
const webs: (CompiledProcess & { url: string })[] = [];
const workers: CompiledProcess[] = [];
let submittedSoFar = 0;

beforeAll(async () => {
  await seedIfEmpty(database.db);
  sink = await startSmtpSink();
  captcha = await startFakeHcaptcha();
  const env = {
    DATABASE_URL: database.url,
    CONTACT_KEY: TEST_CONTACT_KEY,
    SMTP_URL: sink.url,
    HCAPTCHA_SITEKEY: FAKE_SITEKEY,
    HCAPTCHA_SECRET: FAKE_SECRET,
    HCAPTCHA_VERIFY_URL: captcha.verifyUrl,
    RATE_LIMIT_SUBMIT_PER_HOUR: String(SUBMIT_LIMIT),
    WORKER_POLL_SECONDS: '0.2',
    DATABASE_POOL_MAX: '4',
  };
  // The web processes do not migrate (an upgrade runs `npm run db:migrate` first); they check.
  for (const name of ['web-a', 'web-b']) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const web = await startCompiled({
      name,
      entry: 'main',
      args: ['--web-only'],
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', MIGRATE_ON_START: '0' },
      ready: healthy(url),
    });
    webs.push({ ...web, url });
  }
  for (const name of ['worker-1', 'worker-2']) {
    workers.push(await startCompiled({ name, entry: 'worker', env, ready: loggedStart }));
  }
}, 240_000);

afterAll(async () => {
  await Promise.all([...webs, ...workers].map((p) => p.kill('SIGTERM')));
  await sink?.close();
  await captcha?.close();
});

test('`--web-only` web processes serve HTTP and run no worker of their own', async () => {
  for (const web of webs) expect(web.output()).toMatch(/"worker":false/);
});

test('submissions round-robin across two web processes: the per-address limit holds across them, and each acknowledgement is sent exactly once', async () => {
  const tries = SUBMIT_LIMIT + 4;
  const answers: { web: number; status: number; email: string }[] = [];
  // Two at a time, one to each web process, so the limit's counter is raced too.
  for (let i = 0; i < tries; i += 2) {
    answers.push(...(await Promise.all([0, 1].map((w) => submit(w, `scale-${i + w}@example.edu.cn`)))));
  }
  submittedSoFar += tries;
  const receipts = answers.filter((a) => a.status === 303);
  const limited = answers.filter((a) => a.status === 429);
  expect(receipts).toHaveLength(SUBMIT_LIMIT);
  expect(limited).toHaveLength(tries - SUBMIT_LIMIT);
  expect(new Set(receipts.map((a) => a.web))).toEqual(new Set([0, 1]));

  const wanted = receipts.map((a) => a.email);
  await expect
    .poll(() => recipients(sink.received).filter((to) => wanted.includes(to)).length, { timeout: 60_000 })
    .toBe(wanted.length);
  // Two workers poll the same outbox; give a double delivery time to show up.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const counts = countBy(recipients(sink.received));
  for (const email of wanted) expect(counts.get(email), email).toBe(1);
  // No acknowledgement for a 429: nothing was stored.
  for (const a of limited) expect(counts.get(a.email)).toBeUndefined();
}, 180_000);

test('a staff sign-in on one web process is the session on the other, and sign-out on either ends it', async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  const cookie = await logIn(webs[0]!, staff.email, staff.password);
  expect(cookie).toBeTruthy();
  expect((await adminPage(webs[1]!, cookie!)).status).toBe(200);
  const out = await fetch(`${webs[1]!.url}/admin/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: webs[1]!.url, cookie: cookie! },
  });
  expect(out.status).toBeLessThan(400);
  const after = await adminPage(webs[0]!, cookie!);
  expect(after.status).toBe(302);
  expect(after.headers.get('location')).toMatch(/^\/admin\/login/);
});

test('the sign-in lockout holds across web processes: five wrong passwords spread over both lock the account for that address', async () => {
  const staff = await createStaff(database.db, { role: 'planner' });
  for (let i = 0; i < 5; i += 1) expect(await logIn(webs[i % 2]!, staff.email, `wrong password ${i}`)).toBeUndefined();
  // The right password is now refused on both, with the same answer as a wrong one.
  expect(await logIn(webs[0]!, staff.email, staff.password)).toBeUndefined();
  expect(await logIn(webs[1]!, staff.email, staff.password)).toBeUndefined();
});

test('a worker killed with SIGKILL in the middle of sending loses no acknowledgement', async () => {
  // Free the address's allowance (a new hour has not come): the limit was proved above.
  await database.sql`delete from rate_limits`;
  // Each message now takes 300 ms to be accepted, so both workers are mid-send most of the time.
  sink.setAcceptDelay(300);
  const before = sink.received.length;
  const emails: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const email = `kill-${submittedSoFar + i}@example.edu.cn`;
    const answer = await submit(i % 2, email);
    expect(answer.status).toBe(303);
    emails.push(email);
  }
  await expect.poll(() => sink.received.length - before, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(2);
  const killed = await workers[0]!.kill('SIGKILL');
  expect(killed.signal).toBe('SIGKILL');
  sink.setAcceptDelay(0);

  // The surviving worker delivers the rest, including whatever the dead one held.
  await expect
    .poll(() => emails.filter((e) => recipients(sink.received).includes(e)).length, { timeout: 90_000 })
    .toBe(emails.length);
  // A message the killed worker handed to SMTP before it could record it is sent
  // again (at least once, decision 003) under the same Message-ID, which the
  // receiving side recognises; never under a second one.
  for (const email of emails) {
    const copies = sink.received.filter((m) => m.to.includes(email));
    const ids = new Set(await Promise.all(copies.map(async (m) => (await simpleParser(m.raw)).messageId)));
    expect(ids.size, email).toBe(1);
  }
}, 180_000);

test('one form posted to both web processes at once (a double click behind a load balancer) is stored once, and both posts get its receipt', async () => {
  // Without the wait for a sibling's receipt, about one pair in five got
  // "captcha failed" on one side here: ten pairs catch that most of the time.
  for (let i = 0; i < 10; i += 1) {
    // Each post counts against the address's hourly limit, proved above.
    await database.sql`delete from rate_limits`;
    const form = await openForm(webs[0]!);
    const fields = suggestionFields(form, `double-${i}@example.edu.cn`, `pass-${crypto.randomUUID()}`);
    // The same fields, captcha token included, as the browser sends them twice.
    const [a, b] = await Promise.all(webs.map((web) => post(web, fields)));
    expect([a!.status, b!.status], `pair ${i}`).toEqual([303, 303]);
    expect(a!.location, `pair ${i}`).toBe(b!.location);
    const rows =
      await database.sql`select count(*)::int as count from suggestions where intake_key = ${`web:${form.intakeKey}`}`;
    expect(rows[0]?.count).toBe(1);
  }
}, 120_000);

async function openForm(target: { url: string; name: string }) {
  const html = await (await fetch(`${target.url}/plans/${SLUG}/suggest`)).text();
  const intakeKey = /name="intakeKey" value="([^"]+)"/.exec(html)?.[1];
  const categoryId = /<option value="(\d+)">/.exec(html)?.[1];
  if (!intakeKey || !categoryId) throw new Error(`the form on ${target.name} lacks its key or categories`);
  return { intakeKey, categoryId };
}

function suggestionFields(form: { intakeKey: string; categoryId: string }, email: string, token: string) {
  return new URLSearchParams({
    intakeKey: form.intakeKey,
    categoryId: form.categoryId,
    title: `横向扩展测试 ${email}`,
    body: '建议在新校区增设自习室，并延长晚间开放时间。',
    submitterType: '在校学生',
    name: '测试同学',
    email,
    consent: 'on',
    'captcha-token': token,
  });
}

async function post(target: { url: string }, fields: URLSearchParams) {
  const response = await fetch(`${target.url}/plans/${SLUG}/suggest`, {
    method: 'POST',
    body: fields,
    redirect: 'manual',
    headers: { origin: target.url },
  });
  await response.body?.cancel();
  return { status: response.status, location: response.headers.get('location') };
}

async function submit(web: number, email: string): Promise<{ web: number; status: number; email: string }> {
  const form = await openForm(webs[web]!);
  const { status } = await post(webs[web]!, suggestionFields(form, email, `pass-${crypto.randomUUID()}`));
  return { web, status, email };
}

/** The session cookie on success; undefined when the form answered with an error. */
async function logIn(web: { url: string }, email: string, password: string): Promise<string | undefined> {
  const response = await fetch(`${web.url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: web.url },
    body: new URLSearchParams({ email, password, redirectTo: '/admin' }),
  });
  await response.body?.cancel();
  if (response.status !== 302) return undefined;
  return /^(jianyan_staff=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
}

function adminPage(web: { url: string }, cookie: string) {
  return fetch(`${web.url}/admin`, { redirect: 'manual', headers: { cookie } });
}

function recipients(mail: ReceivedMail[]): string[] {
  return mail.flatMap((m) => m.to);
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
