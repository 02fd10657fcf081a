import crypto from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { staffUnlockLinks, staffUsers } from '../../../db/schema/index.ts';
import { staffUnlockSubject } from '../../../emails/staff-unlock.tsx';
import { recordAudit } from '../audit/record-audit.server.ts';
import { enqueueMail } from '../mail/outbox.server.ts';
import { consumeRateLimit } from '../rate-limit/rate-limit.server.ts';
import { siteLink } from '../site-link.ts';
import { rememberDevice } from './known-devices.server.ts';

// The owner's way back in while someone keeps failing from their address
// (docs/decisions/090). The link makes the browser that opens it a known
// device; it does not sign anyone in, so a stolen mailbox alone is not an
// account. Single use, short-lived, only its hash stored, every step audited.
export const UNLOCK_LINK_MINUTES = 30;
// Requests per address per 15 minutes, and mails per account per hour: enough
// for a person, too few to bomb a colleague's mailbox.
const REQUESTS_PER_ADDRESS = 5;
const MAILS_PER_ACCOUNT = 3;

export type UnlockRequestOutcome = 'accepted' | 'throttled';

/**
 * Mails a link when `email` names an enabled account. The answer is the same
 * whether or not it does, so the form tells no one which addresses are staff.
 */
export async function requestUnlockLink(
  db: Database,
  { email, siteUrl, ip, now = new Date() }: { email: string; siteUrl: string; ip: string; now?: Date },
): Promise<UnlockRequestOutcome> {
  const perAddress = await consumeRateLimit(db, {
    key: `unlock-link:address:${ip}`,
    limit: REQUESTS_PER_ADDRESS,
    windowSeconds: 15 * 60,
    now,
  });
  if (!perAddress.allowed) return 'throttled';
  const [user] = await db
    .select({ id: staffUsers.id, email: staffUsers.email, disabledAt: staffUsers.disabledAt })
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = lower(${email.trim()})`);
  if (!user || user.disabledAt) return 'accepted';
  const perAccount = await consumeRateLimit(db, {
    key: `unlock-link:account:${user.id}`,
    limit: MAILS_PER_ACCOUNT,
    windowSeconds: 3600,
    now,
  });
  if (!perAccount.allowed) {
    await recordAudit(db, {
      actorId: null,
      action: 'auth.unlock_link_refused',
      targetType: 'user',
      targetId: user.id,
      details: { reason: 'too_many' },
      ip,
    });
    return 'accepted';
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const unlockUrl = siteLink(siteUrl, `/admin/login/unlock/${token}`);
  await db.transaction(async (tx) => {
    await tx.insert(staffUnlockLinks).values({
      tokenHash: hashLinkToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + UNLOCK_LINK_MINUTES * 60_000),
    });
    await enqueueMail(tx, {
      kind: 'staff_unlock',
      to: user.email,
      subject: staffUnlockSubject,
      body: { template: 'staff-unlock', props: { unlockUrl, minutes: UNLOCK_LINK_MINUTES } },
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'auth.unlock_link_sent',
      targetType: 'user',
      targetId: user.id,
      ip,
    });
  });
  return 'accepted';
}

export type UnlockOutcome = { kind: 'invalid' } | { kind: 'device-known'; deviceToken: string };

/** Spends the link (once, before it expires) and makes this browser a known device of its account. */
export async function useUnlockLink(
  db: Database,
  { token, ip, now = new Date() }: { token: string; ip: string; now?: Date },
): Promise<UnlockOutcome> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { kind: 'invalid' };
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(staffUnlockLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(staffUnlockLinks.tokenHash, hashLinkToken(token)),
          isNull(staffUnlockLinks.usedAt),
          gt(staffUnlockLinks.expiresAt, now),
        ),
      )
      .returning({ userId: staffUnlockLinks.userId });
    if (!link) return { kind: 'invalid' } as const;
    const [user] = await tx
      .select({ disabledAt: staffUsers.disabledAt })
      .from(staffUsers)
      .where(eq(staffUsers.id, link.userId));
    if (!user || user.disabledAt) return { kind: 'invalid' } as const;
    const deviceToken = await rememberDevice(tx, { userId: link.userId, via: 'unlock_link', now });
    await recordAudit(tx, {
      actorId: null,
      action: 'auth.unlock_link_used',
      targetType: 'user',
      targetId: link.userId,
      ip,
    });
    return { kind: 'device-known', deviceToken } as const;
  });
}

function hashLinkToken(token: string): string {
  return crypto.createHash('sha256').update(`unlock:${token}`).digest('hex');
}
