import { and, eq, inArray } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MAX_FAILURES } from '../../app/domain/accounts/login.server.ts';
import {
  UNLOCK_LINK_MINUTES,
  useUnlockLink,
  requestUnlockLink,
} from '../../app/domain/accounts/unlock-links.server.ts';
import { deliverDueMail } from '../../app/domain/mail/deliver-outbox.server.ts';
import { createMailTransport } from '../../app/domain/mail/transport.server.ts';
import { auditLog, staffKnownDevices, staffUnlockLinks } from '../../db/schema/index.ts';
import { createStaff } from '../factories/staff.ts';
import { startSmtpSink } from '../setup/smtp-sink.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// The owner's way back in (docs/decisions/090). The attacker and the owner
// share one address here (both are 127.0.0.1, as behind a campus NAT), so the
// per-address lock of decision 075 shuts out both; the mailed link and the
// known-device cookie must let the owner in while the attacker keeps failing.
const database = setupTestDatabase();
const portal = setupTestPortal(database);
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => sink?.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>, cookie = '') =>
  fetch(`${portal.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: form(fields),
  });
const signIn = (email: string, password: string, cookie = '') => post('/admin/login', { email, password }, cookie);
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]!);
const deviceCookieOf = (response: Response) => cookiesOf(response).find((c) => c.startsWith('jianyan_device='));

async function lockOutTheAddress(email: string) {
  for (let i = 0; i < MAX_FAILURES + 2; i += 1) expect((await signIn(email, `attacker-guess-${i}`)).status).toBe(400);
}

async function mailedLinkPath(to: string): Promise<string> {
  const transport = createMailTransport({ smtpUrl: sink.url, dataDir: '.tmp/unused' });
  await deliverDueMail(database.db, transport, { from: '建言 <no-reply@jianyan.test>' });
  const mail = sink.received.filter((m) => m.to.includes(to)).at(-1);
  expect(mail, `a mail to ${to}`).toBeDefined();
  const text = (await simpleParser(mail!.raw)).text ?? '';
  const url = /https?:\/\/\S+\/admin\/login\/unlock\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(url, 'the unlock link in the mail').toBeDefined();
  return new URL(url!).pathname;
}

test('locked out by a guesser at the same address, the owner gets back in with the mailed link while the guesser keeps failing', async () => {
  const owner = await createStaff(database.db, { role: 'moderator' });
  await lockOutTheAddress(owner.email);
  // The lock now holds against the right password from this address, without a known device.
  expect((await signIn(owner.email, owner.password)).status).toBe(400);

  // Asking for a link: the answer is the same for a staff address and an unknown one.
  const asked = await post('/admin/login/unlock', { email: owner.email });
  const unknown = await post('/admin/login/unlock', { email: 'nobody@test.jianyan.invalid' });
  expect(asked.status).toBe(200);
  expect(unknown.status).toBe(200);
  const withoutNonce = async (r: Response) => (await r.text()).replace(/nonce="[^"]*"/g, '');
  expect(await withoutNonce(asked)).toBe(await withoutNonce(unknown));

  const linkPath = await mailedLinkPath(owner.email);
  // Opening the link (as a mail scanner does) spends nothing and sets nothing.
  const opened = await fetch(`${portal.url}${linkPath}`);
  expect(opened.status).toBe(200);
  expect(opened.headers.getSetCookie()).toEqual([]);
  expect(opened.headers.get('referrer-policy')).toBe('no-referrer');

  const confirmed = await post(linkPath, {});
  expect(confirmed.status).toBe(200);
  const device = deviceCookieOf(confirmed);
  expect(device).toMatch(/^jianyan_device=[A-Za-z0-9_-]{43}$/);
  // Single use.
  expect((await post(linkPath, {})).status).toBe(404);

  // The guesser keeps failing from the same address, even with the right password...
  await lockOutTheAddress(owner.email);
  expect((await signIn(owner.email, owner.password)).status).toBe(400);
  // ...while the owner's browser, now a known device, signs in with the password.
  const ownerIn = await signIn(owner.email, owner.password, device);
  expect(ownerIn.status).toBe(302);
  expect(cookiesOf(ownerIn).some((c) => c.startsWith('jianyan_staff='))).toBe(true);

  const actions = (
    await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(owner.id)))
  ).map((r) => r.action);
  expect(actions).toEqual(expect.arrayContaining(['auth.unlock_link_sent', 'auth.unlock_link_used', 'auth.login']));
  const [link] = await database.db.select().from(staffUnlockLinks).where(eq(staffUnlockLinks.userId, owner.id));
  // Only the hash is stored: the token in the mailed path is not in the row.
  expect(link!.tokenHash).not.toContain(linkPath.split('/').at(-1));
  expect(link!.usedAt).not.toBeNull();
});

test('a browser that once signed in fully stays a known device: the guesser at its address cannot lock it out', async () => {
  const owner = await createStaff(database.db, { role: 'planner' });
  const first = await signIn(owner.email, owner.password);
  expect(first.status).toBe(302);
  const device = deviceCookieOf(first);
  expect(device).toBeDefined();
  await lockOutTheAddress(owner.email);
  expect((await signIn(owner.email, owner.password)).status).toBe(400);
  expect((await signIn(owner.email, owner.password, device)).status).toBe(302);
  // The known device is charged its own failures: five wrong tries lock it too, and only it.
  const other = await createStaff(database.db, { role: 'planner' });
  const otherDevice = deviceCookieOf(await signIn(other.email, other.password));
  for (let i = 0; i < MAX_FAILURES; i += 1)
    expect((await signIn(other.email, `typo-${i}-password`, otherDevice)).status).toBe(400);
  expect((await signIn(other.email, other.password, otherDevice)).status).toBe(400);
});

test("one account's known device does not unlock another account", async () => {
  const mine = await createStaff(database.db, { role: 'planner' });
  const victim = await createStaff(database.db, { role: 'planner' });
  const myDevice = deviceCookieOf(await signIn(mine.email, mine.password));
  await lockOutTheAddress(victim.email);
  expect((await signIn(victim.email, victim.password, myDevice)).status).toBe(400);
});

test('a link expires, cannot be guessed, and is not mailed without limit', async () => {
  const owner = await createStaff(database.db, { role: 'moderator' });
  const t0 = new Date();
  const ip = '192.0.2.77';
  expect(
    await requestUnlockLink(database.db, { email: owner.email, siteUrl: 'https://jianyan.example', ip, now: t0 }),
  ).toBe('accepted');
  const path = await mailedLinkPath(owner.email);
  const token = path.split('/').at(-1)!;
  const late = new Date(t0.getTime() + (UNLOCK_LINK_MINUTES + 1) * 60_000);
  expect(await useUnlockLink(database.db, { token, ip, now: late })).toEqual({ kind: 'invalid' });
  expect(
    await useUnlockLink(database.db, { token: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), ip, now: t0 }),
  ).toEqual({ kind: 'invalid' });
  // Three mails an hour per account, whatever the addresses asking.
  for (const from of ['192.0.2.78', '192.0.2.79', '192.0.2.80'])
    await requestUnlockLink(database.db, { email: owner.email, siteUrl: 'https://jianyan.example', ip: from, now: t0 });
  const links = await database.db.select().from(staffUnlockLinks).where(eq(staffUnlockLinks.userId, owner.id));
  expect(links).toHaveLength(3);
  const refused = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, String(owner.id)), inArray(auditLog.action, ['auth.unlock_link_refused'])));
  expect(refused).toHaveLength(1);
  // No device was made by the expired or wrong tokens.
  expect(await database.db.select().from(staffKnownDevices).where(eq(staffKnownDevices.userId, owner.id))).toEqual([]);
});
