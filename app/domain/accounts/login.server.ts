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
  | { kind: 'signed-in'; token: string };

export async function loginWithPassword(
  db: Database,
  { email, password, ip, now = new Date(), ipFailureLimit }: { email: string; password: string; ip: string; now?: Date } & IpLimit,
): Promise<LoginResult> {
  const limited = await checkRateLimit(db, ipWindow(ip, ipFailureLimit, now));
  if (!limited.allowed) return { kind: 'throttled', retryAfterSeconds: limited.retryAfterSeconds };

  const [user] = await db
    .select({ id: staffUsers.id, role: staffUsers.role, passwordHash: staffUsers.passwordHash, disabledAt: staffUsers.disabledAt, lockedUntil: staffUsers.lockedUntil, totpEnabledAt: staffUsers.totpEnabledAt })
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = lower(${email.trim()})`);
  if (!user) {
    await verifyAgainstNothing(password);
    await consumeRateLimit(db, ipWindow(ip, ipFailureLimit, now));
    await recordAudit(db, { actorId: null, action: 'auth.login_failed', details: { reason: 'unknown_account' }, ip });
    return { kind: 'invalid' };
  }
  // Counted first, in one upsert: concurrent attempts each see their own count.
  const attempt = await consumeRateLimit(db, accountAddressWindow('password', user.id, ip, now));
  const locked = !attempt.allowed;
  // A locked address still pays for a hash, so the answer takes as long.
  const passwordOk = locked ? (await verifyAgainstNothing(password), false) : await verifyPassword(user.passwordHash, password);
  if (!passwordOk || user.disabledAt) {
    const reason = user.disabledAt ? 'disabled' : locked ? 'locked' : 'wrong_password';
    await consumeRateLimit(db, ipWindow(ip, ipFailureLimit, now));
    await recordAudit(db, { actorId: null, action: 'auth.login_failed', targetType: 'user', targetId: user.id, details: { reason }, ip });
    return { kind: 'invalid' };
  }
  await clearRateLimit(db, accountAddressWindow('password', user.id, ip, now).key);
  // Enrolled users always give their code; users who must enrol get in with
  // the password alone, straight to the enrolment page (requireUser sends them).
  if (user.totpEnabledAt) {
    const { token } = await createSession(db, { userId: user.id, awaitingSecondFactor: true, now });
    return { kind: 'second-factor', token };
  }
  return { kind: 'signed-in', token: await completeLogin(db, user.id, ip, now, 'password') };
}

/** The TOTP step: a code from the app, or a recovery code. The pending session is replaced by a full one. */
export async function loginWithSecondFactor(
  db: Database,
  { pendingToken, code, ip, now = new Date(), ipFailureLimit }: { pendingToken: string; code: string; ip: string; now?: Date } & IpLimit,
): Promise<LoginResult> {
  const limited = await checkRateLimit(db, ipWindow(ip, ipFailureLimit, now));
  if (!limited.allowed) return { kind: 'throttled', retryAfterSeconds: limited.retryAfterSeconds };
  const [pending] = await db
    .select({ userId: staffSessions.userId, lockedUntil: staffUsers.lockedUntil, disabledAt: staffUsers.disabledAt })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.idHash, hashToken(pendingToken)), eq(staffSessions.awaitingSecondFactor, true), gt(staffSessions.expiresAt, now)));
  if (!pending || pending.disabledAt || (pending.lockedUntil && pending.lockedUntil > now)) return { kind: 'invalid' };

  const attempt = await consumeRateLimit(db, accountAddressWindow('second-factor', pending.userId, ip, now));
  const viaRecovery = code.replace(/\s/g, '').length > 6;
  const ok = !attempt.allowed ? false : viaRecovery ? await spendRecoveryCode(db, pending.userId, code) : await verifyAndSpendTotp(db, pending.userId, code, now);
  if (!ok) {
    await consumeRateLimit(db, ipWindow(ip, ipFailureLimit, now));
    // Out of tries: the half-signed-in session ends; the password comes first again.
    if (!attempt.allowed) await db.delete(staffSessions).where(eq(staffSessions.idHash, hashToken(pendingToken)));
    await recordAudit(db, { actorId: null, action: 'auth.second_factor_failed', targetType: 'user', targetId: pending.userId, ip });
    return { kind: 'invalid' };
  }
  await db.delete(staffSessions).where(eq(staffSessions.idHash, hashToken(pendingToken)));
  await clearRateLimit(db, accountAddressWindow('second-factor', pending.userId, ip, now).key);
  if (viaRecovery) await recordAudit(db, { actorId: pending.userId, action: 'auth.recovery_code_used', targetType: 'user', targetId: pending.userId, ip });
  return { kind: 'signed-in', token: await completeLogin(db, pending.userId, ip, now, viaRecovery ? 'recovery_code' : 'totp') };
}

function accountAddressWindow(step: 'password' | 'second-factor', userId: number, ip: string, now: Date) {
  return { key: `login-attempts:${step}:${userId}:${ip}`, limit: MAX_FAILURES, windowSeconds: LOCK_MINUTES * 60, now };
}

function ipWindow(ip: string, limit = DEFAULT_IP_FAILURE_LIMIT, now: Date) {
  return { key: `login-failures:${ip}`, limit, windowSeconds: IP_FAILURE_WINDOW_SECONDS, now };
}

async function completeLogin(db: Database, userId: number, ip: string, now: Date, method: string): Promise<string> {
  const { token } = await createSession(db, { userId, awaitingSecondFactor: false, now });
  const [user] = await db.select({ role: staffUsers.role }).from(staffUsers).where(eq(staffUsers.id, userId));
  const twoFactorRequired = requiresTwoFactor(user!.role, await grantsOf(db, userId));
  await recordAudit(db, { actorId: userId, action: 'auth.login', targetType: 'user', targetId: userId, details: { method, twoFactorRequired }, ip });
  return token;
}
