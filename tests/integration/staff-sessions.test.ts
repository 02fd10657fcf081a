import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { requireUser, requireUserWithPermission } from '../../app/web/require-user.server.ts';
import { loginWithPassword } from '../../app/domain/accounts/login.server.ts';
import { logOutEverywhere } from '../../app/domain/accounts/own-account.server.ts';
import { sessionCookie } from '../../app/web/session-cookie.server.ts';
import {
  createSession,
  findSession,
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
} from '../../app/domain/accounts/sessions.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { staffSessions, staffUsers } from '../../db/schema/index.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const config = readConfig({});
const context = () => ({ db: database.db, config });
const requestWith = (token: string | null, path = '/admin/users') =>
  new Request(`http://localhost${path}`, {
    headers: token ? { cookie: sessionCookie(token, config).split(';')[0]! } : {},
  });

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    if (error && typeof error === 'object' && 'init' in error)
      return new Response(null, (error as { init: ResponseInit }).init);
    throw error;
  }
  throw new Error('expected a thrown response');
}

test('the session id is stored only as a hash, and login rotates it', async () => {
  const staff = await createStaff(database.db, { role: 'planner' });
  const before = await signIn(database.db, staff.id);
  const login = await loginWithPassword(database.db, { email: staff.email, password: staff.password, ip: '192.0.2.1' });
  if (login.kind !== 'signed-in') throw new Error(login.kind);
  expect(login.token).not.toBe(before);
  const rows = await database.db.select().from(staffSessions).where(eq(staffSessions.userId, staff.id));
  expect(rows.map((r) => r.idHash)).not.toContain(login.token);
  expect(await findSession(database.db, login.token)).toMatchObject({ userId: staff.id, awaitingSecondFactor: false });
});

test('sessions end after their lifetime, after idling, and when the account is disabled', async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  const t0 = new Date();
  const { token } = await createSession(database.db, { userId: staff.id, awaitingSecondFactor: false, now: t0 });
  expect(await findSession(database.db, token, new Date(t0.getTime() + SESSION_IDLE_MS - 1000))).not.toBeNull();
  // Seen just now, so not idle; but past its absolute lifetime.
  await database.db
    .update(staffSessions)
    .set({ lastSeenAt: new Date(t0.getTime() + SESSION_LIFETIME_MS) })
    .where(eq(staffSessions.userId, staff.id));
  expect(await findSession(database.db, token, new Date(t0.getTime() + SESSION_LIFETIME_MS + 1000))).toBeNull();
  const idle = await createSession(database.db, { userId: staff.id, awaitingSecondFactor: false, now: t0 });
  expect(await findSession(database.db, idle.token, new Date(t0.getTime() + SESSION_IDLE_MS + 1000))).toBeNull();
  const live = await signIn(database.db, staff.id);
  await database.db.update(staffUsers).set({ disabledAt: new Date() }).where(eq(staffUsers.id, staff.id));
  expect(await findSession(database.db, live)).toBeNull();
});

test('log out everywhere ends every session of that user and no one else’s', async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  const other = await createStaff(database.db, { role: 'moderator' });
  const tokens = [await signIn(database.db, staff.id), await signIn(database.db, staff.id)];
  const othersToken = await signIn(database.db, other.id);
  expect(
    await logOutEverywhere(database.db, {
      viewer: { id: staff.id, twoFactorEnabled: false, twoFactorRequired: false },
      ip: '192.0.2.9',
    }),
  ).toBe(2);
  for (const token of tokens) expect(await findSession(database.db, token)).toBeNull();
  expect(await findSession(database.db, othersToken)).not.toBeNull();
});

test('requireUser redirects strangers to the login page, and a missing permission is 403', async () => {
  const anonymous = await thrown(requireUser(requestWith(null), context()));
  expect(anonymous.status).toBe(302);
  expect(anonymous.headers.get('location')).toBe('/admin/login?redirectTo=%2Fadmin%2Fusers');
  const planner = await createStaff(database.db, { role: 'planner' });
  const token = await signIn(database.db, planner.id);
  expect((await requireUser(requestWith(token), context())).role).toBe('planner');
  expect((await thrown(requireUserWithPermission(requestWith(token), context(), 'manage:user:any'))).status).toBe(403);
});

test('admins and contact readers without 2FA are sent to enrol before anything else', async () => {
  for (const staff of [
    await createStaff(database.db, { role: 'admin' }),
    await createStaff(database.db, { role: 'planner', grants: ['read:contact:any'] }),
  ]) {
    const token = await signIn(database.db, staff.id);
    const sent = await thrown(requireUser(requestWith(token), context()));
    expect(sent.headers.get('location')).toBe('/admin/account');
    expect(
      (await requireUser(requestWith(token, '/admin/account'), context(), { allowSetupPending: true }))
        .twoFactorRequired,
    ).toBe(true);
  }
  const enrolled = await createStaff(database.db, { role: 'admin', totp: true });
  expect(
    (await requireUserWithPermission(requestWith(await signIn(database.db, enrolled.id)), context(), 'manage:user:any'))
      .id,
  ).toBe(enrolled.id);
  const moderator = await createStaff(database.db, { role: 'moderator' });
  expect((await requireUser(requestWith(await signIn(database.db, moderator.id)), context())).twoFactorRequired).toBe(
    false,
  );
});

test('a session waiting for the TOTP step opens nothing', async () => {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const { token } = await createSession(database.db, { userId: staff.id, awaitingSecondFactor: true });
  expect((await thrown(requireUser(requestWith(token), context()))).status).toBe(302);
});
