import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { expect, test } from 'vitest';
import { loginWithPassword, loginWithSecondFactor } from '../../app/domain/accounts/login.server.ts';
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  disableOwnTotp,
  PASSWORD_CHECKS_PER_15MIN,
  startTotpEnrolment,
} from '../../app/domain/accounts/own-account.server.ts';
import {
  remainingRecoveryCodes,
  replaceRecoveryCodes,
  spendRecoveryCode,
} from '../../app/domain/accounts/recovery-codes.server.ts';
import { currentTotp, enrolmentDetails, matchTotp, openTotpColumns } from '../../app/domain/accounts/totp.server.ts';
import { auditLog, staffRecoveryCodes, staffUsers } from '../../db/schema/index.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const viewerOf = (id: number, twoFactorRequired: boolean) => ({ id, twoFactorRequired, twoFactorEnabled: false });

test('codes from a standard authenticator match within one step of drift, not beyond', () => {
  const secret = new Secret({ size: 20 }).base32;
  const app = new TOTP({ secret: Secret.fromBase32(secret) });
  const now = new Date('2026-05-01T08:00:10Z');
  expect(matchTotp(secret, app.generate({ timestamp: now.getTime() }), now)).toBe(
    app.counter({ timestamp: now.getTime() }),
  );
  expect(matchTotp(secret, app.generate({ timestamp: now.getTime() - 30_000 }), now)).not.toBeNull();
  expect(matchTotp(secret, app.generate({ timestamp: now.getTime() - 90_000 }), now)).toBeNull();
  expect(matchTotp(secret, 'abcdef', now)).toBeNull();
});

test('enrolment shows a QR code, turns 2FA on only with a correct code, and gives ten recovery codes', async () => {
  const staff = await createStaff(database.db, { role: 'admin' });
  expect(
    await startTotpEnrolment(database.db, { viewer: viewerOf(staff.id, true), currentPassword: 'not my password' }),
  ).toEqual({ ok: false, error: 'wrong_password' });
  const started = await startTotpEnrolment(database.db, {
    viewer: viewerOf(staff.id, true),
    currentPassword: staff.password,
  });
  if (!started.ok) throw new Error(started.error);
  const secret = started.secret;
  const details = await enrolmentDetails(secret, staff.email);
  expect(details.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  expect(Buffer.from(details.qrDataUrl.split(',')[1]!, 'base64').toString()).toContain('<svg');

  expect(
    await confirmTotpEnrolment(database.db, { viewer: viewerOf(staff.id, true), code: '12345', ip: '192.0.2.1' }),
  ).toEqual({ ok: false, error: 'wrong_code' });
  const done = await confirmTotpEnrolment(database.db, {
    viewer: viewerOf(staff.id, true),
    code: currentTotp(secret),
    ip: '192.0.2.1',
  });
  if (!done.ok) throw new Error(done.error);
  expect(done.recoveryCodes).toHaveLength(10);
  const stored = await database.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, staff.id));
  expect(stored.map((r) => r.codeHash)).not.toContain(done.recoveryCodes[0]);
  const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, staff.id));
  expect(row).toMatchObject({ totpPendingSecret: null });
  // Sealed at rest: the column is not the secret, and opens to it.
  expect(row!.totpSecret!.includes(Buffer.from(secret))).toBe(false);
  expect(openTotpColumns(row!)).toEqual({ secret, pending: null });
  const actions = (await database.db.select().from(auditLog).where(eq(auditLog.actorId, staff.id))).map(
    (a) => a.action,
  );
  expect(actions).toContain('two_factor.enabled');
});

test('a recovery code logs in once and never again', async () => {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const [code] = await replaceRecoveryCodes(database.db, staff.id);
  const pending = await loginWithPassword(database.db, {
    email: staff.email,
    password: staff.password,
    ip: '192.0.2.2',
  });
  if (pending.kind !== 'second-factor') throw new Error(pending.kind);
  expect(
    (
      await loginWithSecondFactor(database.db, {
        pendingToken: pending.token,
        code: code!.toUpperCase(),
        ip: '192.0.2.2',
      })
    ).kind,
  ).toBe('signed-in');
  expect(await remainingRecoveryCodes(database.db, staff.id)).toBe(9);
  expect(await spendRecoveryCode(database.db, staff.id, code!)).toBe(false);
  const again = await loginWithPassword(database.db, { email: staff.email, password: staff.password, ip: '192.0.2.2' });
  if (again.kind !== 'second-factor') throw new Error(again.kind);
  expect(await loginWithSecondFactor(database.db, { pendingToken: again.token, code: code!, ip: '192.0.2.2' })).toEqual(
    { kind: 'invalid' },
  );
});

test('those who must have 2FA cannot turn it off; others can, with their password', async () => {
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  expect(
    await disableOwnTotp(database.db, {
      viewer: viewerOf(admin.id, true),
      currentPassword: admin.password,
      ip: '192.0.2.3',
    }),
  ).toEqual({ ok: false, error: 'required' });
  const moderator = await createStaff(database.db, { role: 'moderator', totp: true });
  expect(
    await disableOwnTotp(database.db, {
      viewer: viewerOf(moderator.id, false),
      currentPassword: 'nope nope nope',
      ip: '192.0.2.3',
    }),
  ).toEqual({ ok: false, error: 'wrong_password' });
  expect(
    await disableOwnTotp(database.db, {
      viewer: viewerOf(moderator.id, false),
      currentPassword: moderator.password,
      ip: '192.0.2.3',
    }),
  ).toEqual({ ok: true });
  const login = await loginWithPassword(database.db, {
    email: moderator.email,
    password: moderator.password,
    ip: '192.0.2.3',
  });
  expect(login.kind).toBe('signed-in');
});

test('the current password is asked before enrolment starts, and its checks are rate limited per account', async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  const viewer = viewerOf(staff.id, false);
  for (let i = 0; i < PASSWORD_CHECKS_PER_15MIN; i += 1) {
    expect(await startTotpEnrolment(database.db, { viewer, currentPassword: `guess-${i}` })).toEqual({
      ok: false,
      error: 'wrong_password',
    });
  }
  // Now even the right password is refused for a while, on every form that checks it.
  expect(await startTotpEnrolment(database.db, { viewer, currentPassword: staff.password })).toEqual({
    ok: false,
    error: 'too_many_tries',
  });
  expect(
    await changeOwnPassword(database.db, {
      viewer,
      currentPassword: staff.password,
      newPassword: 'a brand new password',
      ip: '192.0.2.9',
    }),
  ).toEqual({
    ok: false,
    error: 'too_many_tries',
  });
  expect(await disableOwnTotp(database.db, { viewer, currentPassword: staff.password, ip: '192.0.2.9' })).toEqual({
    ok: false,
    error: 'too_many_tries',
  });
  const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, staff.id));
  expect(row!.totpPendingSecret).toBeNull();
});

test('a parallel burst of current-password guesses gets no more checks than the limit', async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  const viewer = viewerOf(staff.id, false);
  const answers = await Promise.all(
    Array.from({ length: 15 }, (_, i) => startTotpEnrolment(database.db, { viewer, currentPassword: `burst-${i}` })),
  );
  const errors = answers.map((answer) => (answer.ok ? 'ok' : answer.error));
  expect(errors.filter((error) => error === 'wrong_password')).toHaveLength(PASSWORD_CHECKS_PER_15MIN);
  expect(errors.filter((error) => error === 'too_many_tries')).toHaveLength(15 - PASSWORD_CHECKS_PER_15MIN);
});
