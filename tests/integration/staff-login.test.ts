import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import {
  DEFAULT_IP_FAILURE_LIMIT,
  loginWithPassword,
  loginWithSecondFactor,
  MAX_FAILURES,
} from '../../app/domain/accounts/login.server.ts';
import { hashPassword, verifyPassword } from '../../app/domain/accounts/passwords.server.ts';
import { currentTotp } from '../../app/domain/accounts/totp.server.ts';
import { auditLog } from '../../db/schema/index.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
let ipCounter = 0;
const freshIp = () => `198.51.100.${(ipCounter += 1)}`;

test('passwords are hashed with argon2id and verify only with the right password', async () => {
  const hash = await hashPassword('correct horse battery');
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
  expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
  expect(await verifyPassword('not a hash', 'x')).toBe(false);
});

test('a wrong email and a wrong password get the very same answer', async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  const unknown = await loginWithPassword(database.db, {
    email: 'nobody@example.invalid',
    password: staff.password,
    ip: freshIp(),
  });
  const wrong = await loginWithPassword(database.db, {
    email: staff.email,
    password: 'wrong password!',
    ip: freshIp(),
  });
  expect(unknown).toEqual({ kind: 'invalid' });
  expect(wrong).toEqual(unknown);
  const ok = await loginWithPassword(database.db, {
    email: staff.email.toUpperCase(),
    password: staff.password,
    ip: freshIp(),
  });
  expect(ok.kind).toBe('signed-in');
});

test(`after ${MAX_FAILURES} failures from one address, that address is locked out of the account; the owner elsewhere is not`, async () => {
  const staff = await createStaff(database.db, { role: 'planner' });
  const t0 = new Date();
  const attacker = freshIp();
  for (let i = 0; i < MAX_FAILURES; i += 1) {
    expect(
      await loginWithPassword(database.db, {
        email: staff.email,
        password: `wrong-${i}-password`,
        ip: attacker,
        now: t0,
      }),
    ).toEqual({ kind: 'invalid' });
  }
  // Even the right password fails alike from the locked address...
  expect(
    await loginWithPassword(database.db, { email: staff.email, password: staff.password, ip: attacker, now: t0 }),
  ).toEqual({ kind: 'invalid' });
  // ...while the owner, from their own address, signs in as usual.
  expect(
    (await loginWithPassword(database.db, { email: staff.email, password: staff.password, ip: freshIp(), now: t0 }))
      .kind,
  ).toBe('signed-in');
  const later = new Date(t0.getTime() + 16 * 60_000);
  expect(
    (await loginWithPassword(database.db, { email: staff.email, password: staff.password, ip: attacker, now: later }))
      .kind,
  ).toBe('signed-in');
  const failures = await database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.targetId, String(staff.id)));
  expect(failures.filter((f) => f.action === 'auth.login_failed').map((f) => f.details.reason)).toContain('locked');
});

test('a parallel burst of guesses gets no more password checks than the lockout allows', async () => {
  const staff = await createStaff(database.db, { role: 'planner' });
  const ip = freshIp();
  const burst = 20;
  const answers = await Promise.all(
    Array.from({ length: burst }, (_, i) =>
      loginWithPassword(database.db, { email: staff.email, password: `burst-guess-${i}`, ip }),
    ),
  );
  expect(answers.every((answer) => answer.kind === 'invalid')).toBe(true);
  const audited = await database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.targetId, String(staff.id)));
  const reasons = audited.filter((f) => f.action === 'auth.login_failed').map((f) => f.details.reason);
  // Each attempt is counted before its password is checked, so only the first
  // MAX_FAILURES reach the check; the rest are refused as locked.
  expect(reasons.filter((reason) => reason === 'wrong_password')).toHaveLength(MAX_FAILURES);
  expect(reasons.filter((reason) => reason === 'locked')).toHaveLength(burst - MAX_FAILURES);
});

test('one address is throttled across accounts after its failures, in PostgreSQL', async () => {
  const ip = freshIp();
  const now = new Date();
  const ipFailureLimit = 8;
  for (let i = 0; i < ipFailureLimit; i += 1) {
    await loginWithPassword(database.db, {
      email: `guess${i}@example.invalid`,
      password: 'whatever-password',
      ip,
      now,
      ipFailureLimit,
    });
  }
  const refused = await loginWithPassword(database.db, {
    email: 'guess@example.invalid',
    password: 'whatever-password',
    ip,
    now,
    ipFailureLimit,
  });
  expect(refused).toMatchObject({ kind: 'throttled' });
  expect(
    (
      await loginWithPassword(database.db, {
        email: 'guess@example.invalid',
        password: 'x-password',
        ip: freshIp(),
        now,
      })
    ).kind,
  ).toBe('invalid');
});

test("behind a campus NAT, successful sign-ins never use up the address's allowance", async () => {
  const ip = freshIp();
  const staff = await createStaff(database.db, { role: 'planner' });
  for (let i = 0; i < 12; i += 1) {
    expect(
      (await loginWithPassword(database.db, { email: staff.email, password: staff.password, ip, ipFailureLimit: 3 }))
        .kind,
    ).toBe('signed-in');
  }
  expect(DEFAULT_IP_FAILURE_LIMIT).toBeGreaterThanOrEqual(100);
});

test('an enrolled account needs its TOTP code after the password; the code works once', async () => {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const first = await loginWithPassword(database.db, { email: staff.email, password: staff.password, ip: freshIp() });
  expect(first.kind).toBe('second-factor');
  if (first.kind !== 'second-factor') return;
  const code = currentTotp(staff.totpSecret!);
  expect(
    await loginWithSecondFactor(database.db, {
      pendingToken: first.token,
      code: String((Number(code) + 500_000) % 1_000_000).padStart(6, '0'),
      ip: freshIp(),
    }),
  ).toEqual({ kind: 'invalid' });
  const done = await loginWithSecondFactor(database.db, { pendingToken: first.token, code, ip: freshIp() });
  expect(done.kind).toBe('signed-in');
  if (done.kind !== 'signed-in') return;
  expect(done.token).not.toBe(first.token);
  // The pending session is gone, and the same code cannot be replayed in a new login.
  expect(await loginWithSecondFactor(database.db, { pendingToken: first.token, code, ip: freshIp() })).toEqual({
    kind: 'invalid',
  });
  const again = await loginWithPassword(database.db, { email: staff.email, password: staff.password, ip: freshIp() });
  if (again.kind !== 'second-factor') throw new Error('expected second factor');
  expect(await loginWithSecondFactor(database.db, { pendingToken: again.token, code, ip: freshIp() })).toEqual({
    kind: 'invalid',
  });
});
