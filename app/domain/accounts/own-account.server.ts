import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { staffRecoveryCodes, staffUsers } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { clearRateLimit, consumeRateLimit } from '../rate-limit/rate-limit.server.ts';
import type { StaffUser } from './staff-user.server.ts';
import { hashPassword, verifyPassword } from './passwords.server.ts';
import { replaceRecoveryCodes } from './recovery-codes.server.ts';
import { createSession, deleteAllSessions, deleteSession } from './sessions.server.ts';
import { generateTotpSecret, matchTotp, sealTotpColumns, storedTotp } from './totp.server.ts';

// What a staff member does to their own account (/admin/account). Each
// function takes the signed-in viewer and touches only the viewer's row.

type Viewer = Pick<StaffUser, 'id' | 'twoFactorRequired' | 'twoFactorEnabled'>;
type Result<T = object> =
  ({ ok: true } & T) | { ok: false; error: 'wrong_password' | 'wrong_code' | 'required' | 'too_many_tries' };

/**
 * Current-password checks per account in 15 minutes. A stolen session (a
 * browser left open) must not become an oracle for guessing the password:
 * each check is counted before the hash is compared, and a correct one
 * clears the count (docs/decisions/075).
 */
export const PASSWORD_CHECKS_PER_15MIN = 5;

async function checkOwnPassword(
  db: Database,
  userId: number,
  password: string,
  now = new Date(),
): Promise<'ok' | 'wrong_password' | 'too_many_tries'> {
  const key = `own-password-checks:${userId}`;
  const attempt = await consumeRateLimit(db, { key, limit: PASSWORD_CHECKS_PER_15MIN, windowSeconds: 15 * 60, now });
  if (!attempt.allowed) return 'too_many_tries';
  const [row] = await db
    .select({ passwordHash: staffUsers.passwordHash })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  if (!row || !(await verifyPassword(row.passwordHash, password))) return 'wrong_password';
  await clearRateLimit(db, key);
  return 'ok';
}

/** New password; every other session ends and a fresh one is returned for this browser. */
export async function changeOwnPassword(
  db: Database,
  {
    viewer,
    currentPassword,
    newPassword,
    ip,
  }: { viewer: Viewer; currentPassword: string; newPassword: string; ip: string },
): Promise<Result<{ token: string }>> {
  const checked = await checkOwnPassword(db, viewer.id, currentPassword);
  if (checked !== 'ok') return { ok: false, error: checked };
  const passwordHash = await hashPassword(newPassword);
  const token = await db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(staffUsers.id, viewer.id));
    await deleteAllSessions(tx, viewer.id);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'user.password_changed',
      targetType: 'user',
      targetId: viewer.id,
      ip,
    });
    return (await createSession(tx, { userId: viewer.id, awaitingSecondFactor: false })).token;
  });
  return { ok: true, token };
}

/**
 * Starts (or restarts) enrolment: a new secret waits on the row until a code
 * from it is confirmed. The password is asked again first: whoever holds the
 * secret holds the second factor, so a session alone (a browser left open)
 * must not be enough to bind an authenticator of the finder's choosing.
 */
export async function startTotpEnrolment(
  db: Database,
  { viewer, currentPassword }: { viewer: Viewer; currentPassword: string },
): Promise<Result<{ secret: string }>> {
  const checked = await checkOwnPassword(db, viewer.id, currentPassword);
  if (checked !== 'ok') return { ok: false, error: checked };
  const secret = generateTotpSecret();
  const { secret: current } = await storedTotp(db, viewer.id);
  await db
    .update(staffUsers)
    .set(sealTotpColumns({ secret: current, pending: secret }))
    .where(eq(staffUsers.id, viewer.id));
  return { ok: true, secret };
}

export async function pendingTotpSecret(db: Database, userId: number): Promise<string | null> {
  return (await storedTotp(db, userId)).pending;
}

/** A correct code from the app turns 2FA on and yields recovery codes, shown once. */
export async function confirmTotpEnrolment(
  db: Database,
  { viewer, code, ip, now = new Date() }: { viewer: Viewer; code: string; ip: string; now?: Date },
): Promise<Result<{ recoveryCodes: string[] }>> {
  const secret = await pendingTotpSecret(db, viewer.id);
  const counter = secret ? matchTotp(secret, code, now) : null;
  if (!secret || counter === null) return { ok: false, error: 'wrong_code' };
  const recoveryCodes = await db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({
        ...sealTotpColumns({ secret, pending: null }),
        totpLastCounter: counter,
        totpEnabledAt: now,
        updatedAt: now,
      })
      .where(eq(staffUsers.id, viewer.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'two_factor.enabled',
      targetType: 'user',
      targetId: viewer.id,
      ip,
    });
    return replaceRecoveryCodes(tx, viewer.id);
  });
  return { ok: true, recoveryCodes };
}

/** Turning 2FA off needs the password, and is refused to those who must have it. */
export async function disableOwnTotp(
  db: Database,
  { viewer, currentPassword, ip }: { viewer: Viewer; currentPassword: string; ip: string },
): Promise<Result> {
  if (viewer.twoFactorRequired) return { ok: false, error: 'required' };
  const checked = await checkOwnPassword(db, viewer.id, currentPassword);
  if (checked !== 'ok') return { ok: false, error: checked };
  await db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({
        totpSecret: null,
        totpPendingSecret: null,
        totpKeyId: null,
        totpLastCounter: null,
        totpEnabledAt: null,
        updatedAt: new Date(),
      })
      .where(eq(staffUsers.id, viewer.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, viewer.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'two_factor.disabled',
      targetType: 'user',
      targetId: viewer.id,
      ip,
    });
  });
  return { ok: true };
}

export async function logOutEverywhere(db: Database, { viewer, ip }: { viewer: Viewer; ip: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await deleteAllSessions(tx, viewer.id);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'auth.logout_everywhere',
      targetType: 'user',
      targetId: viewer.id,
      details: { sessions: ended },
      ip,
    });
    return ended;
  });
}

/** Ends this browser's session (the logout button). */
export async function logOut(db: Database, { token, ip }: { token: string; ip: string }): Promise<void> {
  const userId = await deleteSession(db, token);
  if (userId !== null)
    await recordAudit(db, { actorId: userId, action: 'auth.logout', targetType: 'user', targetId: userId, ip });
}
