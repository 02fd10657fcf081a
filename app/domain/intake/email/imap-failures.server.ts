import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.server.ts';
import { imapSyncState, inboundEmails } from '../../../../db/schema/index.ts';
import { contactKeyring } from '../../crypto/installed-keyring.ts';
import { describeError } from './hold-email.server.ts';
import { sealRawEmail } from './sealed-email.ts';
import { dedupeKeyOf } from './store-email.server.ts';

// One poison message must not stop a mailbox (issue 15). UIDs are processed in
// order, so only the next UID can be failing: its attempts are counted in
// imap_sync_state, before the work starts, so that a crash (a process killed
// by a hostile attachment) counts as much as a thrown error.

/** Counts one more attempt at `uid`; returns the attempts made before this one. */
export async function countAttempt(db: Database, mailbox: string, uid: number): Promise<number> {
  const [state] = await db
    .update(imapSyncState)
    .set({
      failingAttempts: sql`case when ${imapSyncState.failingUid} = ${uid} then ${imapSyncState.failingAttempts} + 1 else 1 end`,
      failingError: sql`case when ${imapSyncState.failingUid} = ${uid} then ${imapSyncState.failingError} else null end`,
      failingUid: uid,
      updatedAt: new Date(),
    })
    .where(eq(imapSyncState.mailbox, mailbox))
    .returning({ attempts: imapSyncState.failingAttempts });
  return (state?.attempts ?? 1) - 1;
}

export async function recordFailure(db: Database, mailbox: string, uid: number, error: unknown) {
  await db
    .update(imapSyncState)
    .set({ failingError: describeError(error) })
    .where(and(eq(imapSyncState.mailbox, mailbox), eq(imapSyncState.failingUid, uid)));
}

export async function lastFailure(db: Database, mailbox: string): Promise<string | null> {
  const [state] = await db
    .select({ error: imapSyncState.failingError })
    .from(imapSyncState)
    .where(eq(imapSyncState.mailbox, mailbox));
  return state?.error ?? null;
}

/**
 * Keeps a message that failed every time as held, with its reason, so that a
 * person can look at it and intake can move on. Stored without a Message-ID
 * (a malformed one may be what failed), under a key of its own; a row the
 * message already has (stored, then failed in processing) is held instead.
 */
export async function holdPoisonMessage(
  db: Database,
  { raw, sizeBytes, attempts, error }: { raw: Buffer; sizeBytes: number; attempts: number; error: string | null },
) {
  const detail = { attempts, ...(error ? { error } : {}) };
  const { dedupeKey } = dedupeKeyOf(raw, sizeBytes);
  const held = await db
    .update(inboundEmails)
    .set({ status: 'held', statusReason: 'failed_repeatedly', statusDetail: detail, processedAt: new Date() })
    .where(and(eq(inboundEmails.dedupeKey, dedupeKey), eq(inboundEmails.status, 'pending')))
    .returning({ id: inboundEmails.id });
  if (held.length > 0) return held[0]!.id;
  const [existing] = await db
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(eq(inboundEmails.dedupeKey, dedupeKey));
  if (existing) return existing.id;
  const [inserted] = await db
    .insert(inboundEmails)
    .values({
      dedupeKey: `failed:${dedupeKey}`,
      source: 'imap',
      // Sealed like every stored message (docs/decisions/060-encryption-at-rest.md).
      ...sealRawEmail(contactKeyring(), raw),
      sizeBytes,
      status: 'held',
      statusReason: 'failed_repeatedly',
      statusDetail: detail,
      processedAt: new Date(),
    })
    .onConflictDoUpdate({ target: inboundEmails.dedupeKey, set: { statusDetail: detail } })
    .returning({ id: inboundEmails.id });
  return inserted!.id;
}
