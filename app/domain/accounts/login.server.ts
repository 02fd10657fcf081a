import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { staffSessions, staffUsers } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { checkRateLimit, clearRateLimit, consumeRateLimit } from '../rate-limit/rate-limit.server.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.server.ts';
import { createSession, hashToken } from './sessions.server.ts';
import { spendRecoveryCode } from './recovery-codes.server.ts';
import { verifyAndSpendTotp } from './totp.server.ts';
import { requiresTwoFactor } from '../authorization/permissions.ts';
import { grantsOf } from './staff.server.ts';
import { findKnownDevice, rememberDevice, touchKnownDevice, type KnownDevice } from './known-devices.server.ts';

/**
 * Failed attempts (password or second factor) on one account from one address
 * before that address is locked out of that account for LOCK_MINUTES. The lock
 * is per account AND address (docs/decisions/075): an outsider guessing from
 * elsewhere cannot lock the owner out, and each attempt is counted before the
 * password is checked, so a parallel burst gets no more than MAX_FAILURES tries.
 */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
/**
 * Failed login steps per client address per window, whatever the account.
 * Only failures count, and the default is generous: a whole campus signs in
 * through a few NAT addresses, and one student guessing must not lock every
 * colleague out. Per-account lockout (MAX_FAILURES) stops guessing one account.
 * Set with RATE_LIMIT_LOGIN_FAILURES_PER_15MIN.
 */
export const IP_FAILURE_WINDOW_SECONDS = 15 * 60;
export const DEFAULT_IP_FAILURE_LIMIT = 100;

type IpLimit = { ipFailureLimit?: number };

// "invalid" covers an unknown email, a wrong password, a disabled account and
// a locked one alike, so the answer never tells whether an account exists.
export type LoginResult =
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'second-factor'; token: string }
  // deviceToken: a new known-device cookie to set, when the browser had none valid.
  | { kind: 'signed-in'; token: string; deviceToken: string | null };

/** The known-device cookie's token, if the browser sent one (docs/decisions/090). */
type DeviceCookie = { deviceToken?: string | null };

export async function loginWithPassword(
  db: Database,
  {
    email,
    password,
    ip,
    now = new Date(),
    ipFailureLimit,
    deviceToken,
  }: { email: string; password: string; ip: string; now?: Date } & IpLimit & DeviceCookie,
): Promise<LoginResult> {
  const limited = await checkRateLimit(db, ipWindow(ip, ipFailureLimit, now));
  const [user] = await db
    .select({
      id: staffUsers.id,
      role: staffUsers.role,
      passwordHash: staffUsers.passwordHash,
      disabledAt: staffUsers.disabledAt,
      totpEnabledAt: staffUsers.totpEnabledAt,
    })
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = lower(${email.trim()})`);
  // A known device of this very account is counted on its own, so the
  // address's limits (spent by whoever else is guessing there) do not apply.
  const device = user ? await findKnownDevice(db, { token: deviceToken, userId: user.id, now }) : null;
  if (!limited.allowed && !device) return { kind: 'throttled', retryAfterSeconds: limited.retryAfterSeconds };
  if (!user) {
    await verifyAgainstNothing(password);
    await consumeRateLimit(db, ipWindow(ip, ipFailureLimit, now));
    await recordAudit(db, { actorId: null, action: 'auth.login_failed', details: { reason: 'unknown_account' }, ip });
    return { kind: 'invalid' };
  }
  // Counted first, in one upsert: concurrent attempts each see their own count.
  const attempt = await consumeRateLimit(db, attemptWindow('password', user.id, ip, device, now));
  const locked = !attempt.allowed;
  // A locked address still pays for a hash, so the answer takes as long.
  const passwordOk = locked
    ? (await verifyAgainstNothing(password), false)
    : await verifyPassword(user.passwordHash, password);
  if (!passwordOk || user.disabledAt) {
    const reason = user.disabledAt ? 'disabled' : locked ? 'locked' : 'wrong_password';
    await consumeRateLimit(db, ipWindow(ip, ipFailureLimit, now));
    await recordAudit(db, {
      actorId: null,
      action: 'auth.login_failed',
      targetType: 'user',
      targetId: user.id,
      details: { reason },
      ip,
    });
    return { kind: 'invalid' };
  }
  await clearRateLimit(db, attemptWindow('password', user.id, ip, device, now).key);
  // Enrolled users always give their code; users who must enrol get in with
  // the password alone, straight to the enrolment page (requireUser sends them).
  if (user.totpEnabledAt) {
    const { token } = await createSession(db, { userId: user.id, awaitingSecondFactor: true, now });
    return { kind: 'second-factor', token };
  }
  return completeLogin(db, { userId: user.id, ip, now, method: 'password', deviceToken: device ? deviceToken! : null });
}

/** The TOTP step: a code from the app, or a recovery code. The pending session is replaced by a full one. */
export async function loginWithSecondFactor(
  db: Database,
  {
    pendingToken,
    code,
    ip,
    now = new Date(),
    ipFailureLimit,
    deviceToken,
  }: { pendingToken: string; code: string; ip: string; now?: Date } & IpLimit & DeviceCookie,
): Promise<LoginResult> {
  const limited = await checkRateLimit(db, ipWindow(ip, ipFailureLimit, now));
  const [pending] = await db
    .select({ userId: staffSessions.userId, disabledAt: staffUsers.disabledAt })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(
      and(
        eq(staffSessions.idHash, hashToken(pendingToken)),
        eq(staffSessions.awaitingSecondFactor, true),
        gt(staffSessions.expiresAt, now),
      ),
    );
  const device = pending ? await findKnownDevice(db, { token: deviceToken, userId: pending.userId, now }) : null;
  if (!limited.allowed && !device) return { kind: 'throttled', retryAfterSeconds: limited.retryAfterSeconds };
  if (!pending || pending.disabledAt) return { kind: 'invalid' };

  const attempt = await consumeRateLimit(db, attemptWindow('second-factor', pending.userId, ip, device, now));
  const viaRecovery = code.replace(/\s/g, '').length > 6;
  const ok = !attempt.allowed
    ? false
    : viaRecovery
      ? await spendRecoveryCode(db, pending.userId, code)
      : await verifyAndSpendTotp(db, pending.userId, code, now);
  if (!ok) {
    await consumeRateLimit(db, ipWindow(ip, ipFailureLimit, now));
    // Out of tries: the half-signed-in session ends; the password comes first again.
    if (!attempt.allowed) await db.delete(staffSessions).where(eq(staffSessions.idHash, hashToken(pendingToken)));
    await recordAudit(db, {
      actorId: null,
      action: 'auth.second_factor_failed',
      targetType: 'user',
      targetId: pending.userId,
      ip,
    });
    return { kind: 'invalid' };
  }
  await db.delete(staffSessions).where(eq(staffSessions.idHash, hashToken(pendingToken)));
  await clearRateLimit(db, attemptWindow('second-factor', pending.userId, ip, device, now).key);
  if (viaRecovery)
    await recordAudit(db, {
      actorId: pending.userId,
      action: 'auth.recovery_code_used',
      targetType: 'user',
      targetId: pending.userId,
      ip,
    });
  return completeLogin(db, {
    userId: pending.userId,
    ip,
    now,
    method: viaRecovery ? 'recovery_code' : 'totp',
    deviceToken: device ? deviceToken! : null,
  });
}

// Per account and address, or per account and known device (decision 090).
function attemptWindow(
  step: 'password' | 'second-factor',
  userId: number,
  ip: string,
  device: KnownDevice | null,
  now: Date,
) {
  const from = device ? `device:${device.id}` : ip;
  return {
    key: `login-attempts:${step}:${userId}:${from}`,
    limit: MAX_FAILURES,
    windowSeconds: LOCK_MINUTES * 60,
    now,
  };
}

function ipWindow(ip: string, limit = DEFAULT_IP_FAILURE_LIMIT, now: Date) {
  return { key: `login-failures:${ip}`, limit, windowSeconds: IP_FAILURE_WINDOW_SECONDS, now };
}

async function completeLogin(
  db: Database,
  {
    userId,
    ip,
    now,
    method,
    deviceToken,
  }: { userId: number; ip: string; now: Date; method: string; deviceToken: string | null },
): Promise<LoginResult> {
  const { token } = await createSession(db, { userId, awaitingSecondFactor: false, now });
  // A full sign-in makes the browser a known device (or keeps it one).
  if (deviceToken) await touchKnownDevice(db, deviceToken, now);
  const newDeviceToken = deviceToken ? null : await rememberDevice(db, { userId, via: 'sign_in', now });
  const [user] = await db.select({ role: staffUsers.role }).from(staffUsers).where(eq(staffUsers.id, userId));
  const twoFactorRequired = requiresTwoFactor(user!.role, await grantsOf(db, userId));
  await recordAudit(db, {
    actorId: userId,
    action: 'auth.login',
    targetType: 'user',
    targetId: userId,
    details: { method, twoFactorRequired, knownDevice: deviceToken !== null },
    ip,
  });
  return { kind: 'signed-in', token, deviceToken: newDeviceToken };
}
