import crypto from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { staffSessions, staffUsers } from '../../../db/schema/index.ts';

const HOUR = 60 * 60 * 1000;
/** A full session ends 12 hours after login, or after 2 idle hours. */
export const SESSION_LIFETIME_MS = 12 * HOUR;
export const SESSION_IDLE_MS = 2 * HOUR;
/** Between password and TOTP: ten minutes to type the code. */
export const SECOND_FACTOR_WINDOW_MS = 10 * 60 * 1000;
// last_seen_at is written at most this often, not on every request.
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

/**
 * Starts a session and returns the token for the cookie. A new random token at
 * every step of a login (password, then TOTP) is the session rotation that
 * defeats fixation: no token from before the login is ever honoured after it.
 */
export async function createSession(
  db: Pick<Database, 'insert'>,
  { userId, awaitingSecondFactor, now = new Date() }: { userId: number; awaitingSecondFactor: boolean; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (awaitingSecondFactor ? SECOND_FACTOR_WINDOW_MS : SESSION_LIFETIME_MS));
  await db
    .insert(staffSessions)
    .values({ idHash: hashToken(token), userId, awaitingSecondFactor, expiresAt, createdAt: now, lastSeenAt: now });
  return { token, expiresAt };
}

export type SessionRow = { userId: number; awaitingSecondFactor: boolean; lastSeenAt: Date; expiresAt: Date };

/** The live session for a token, or null if unknown, expired, idle too long, or the account is disabled. */
export async function findSession(db: Database, token: string, now = new Date()): Promise<SessionRow | null> {
  const idHash = hashToken(token);
  const [row] = await db
    .select({
      userId: staffSessions.userId,
      awaitingSecondFactor: staffSessions.awaitingSecondFactor,
      lastSeenAt: staffSessions.lastSeenAt,
      expiresAt: staffSessions.expiresAt,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(
      and(
        eq(staffSessions.idHash, idHash),
        gt(staffSessions.expiresAt, now),
        gt(staffSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        sql`${staffUsers.disabledAt} is null`,
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.idHash, idHash));
  }
  return row;
}

export async function deleteSession(db: Database, token: string): Promise<number | null> {
  const [row] = await db
    .delete(staffSessions)
    .where(eq(staffSessions.idHash, hashToken(token)))
    .returning({ userId: staffSessions.userId });
  return row?.userId ?? null;
}

/** "Log out everywhere", and what disabling an account or changing a password does. Returns how many ended. */
export async function deleteAllSessions(db: Pick<Database, 'delete'>, userId: number): Promise<number> {
  const rows = await db
    .delete(staffSessions)
    .where(eq(staffSessions.userId, userId))
    .returning({ userId: staffSessions.userId });
  return rows.length;
}

export async function pruneSessions(db: Database, now = new Date()): Promise<void> {
  await db.delete(staffSessions).where(lt(staffSessions.expiresAt, now));
}
