import crypto from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { staffKnownDevices } from '../../../db/schema/index.ts';

// A known device is a browser the owner has fully signed in from, or opened an
// emailed unlock link in. Sign-in attempts from it are counted under its own
// key instead of the client address (docs/decisions/090): an attacker at the
// same address (a campus NAT) cannot use up the owner's tries, and the
// attacker cannot get such a cookie without the password and second factor,
// or the owner's mailbox.
export const KNOWN_DEVICE_DAYS = 180;

export type KnownDevice = { id: string; userId: number };

/** Makes this browser known for `userId`; returns the cookie's token. Only its hash is stored. */
export async function rememberDevice(
  db: DbExecutor,
  { userId, via, now = new Date() }: { userId: number; via: 'sign_in' | 'unlock_link'; now?: Date },
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.insert(staffKnownDevices).values({
    tokenHash: hashDeviceToken(token),
    userId,
    via,
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + KNOWN_DEVICE_DAYS * 86_400_000),
  });
  return token;
}

/** The device this token names, if it is known for exactly this account and not expired. */
export async function findKnownDevice(
  db: DbExecutor,
  { token, userId, now = new Date() }: { token: string | null | undefined; userId: number; now?: Date },
): Promise<KnownDevice | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = hashDeviceToken(token);
  const [row] = await db
    .select({ userId: staffKnownDevices.userId })
    .from(staffKnownDevices)
    .where(
      and(
        eq(staffKnownDevices.tokenHash, tokenHash),
        eq(staffKnownDevices.userId, userId),
        gt(staffKnownDevices.expiresAt, now),
      ),
    );
  // The id keys the attempt counter; a prefix of the hash is enough and names no secret.
  return row ? { id: tokenHash.slice(0, 24), userId: row.userId } : null;
}

export async function touchKnownDevice(db: DbExecutor, token: string, now = new Date()): Promise<void> {
  await db
    .update(staffKnownDevices)
    .set({ lastUsedAt: now })
    .where(eq(staffKnownDevices.tokenHash, hashDeviceToken(token)));
}

/** Forgets every known device of an account (password reset by an admin, account disabled). */
export async function forgetKnownDevices(db: DbExecutor, userId: number): Promise<void> {
  await db.delete(staffKnownDevices).where(eq(staffKnownDevices.userId, userId));
}

export async function pruneKnownDevices(db: Database, now = new Date()): Promise<void> {
  await db.delete(staffKnownDevices).where(lt(staffKnownDevices.expiresAt, now));
}

function hashDeviceToken(token: string): string {
  return crypto.createHash('sha256').update(`device:${token}`).digest('hex');
}
