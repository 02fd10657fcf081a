import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../../../db/client.server.ts';
import { inboundEmails } from '../../../../db/schema/index.ts';
import { contactKeyring } from '../../crypto/installed-keyring.ts';
import { processInboundEmail, type ProcessOptions } from './process-email.server.ts';
import { openRawEmail } from './sealed-email.ts';

// The moderators' side of email intake: mail that did not become a suggestion
// by itself (unmatched, held, automated) waits here. Nothing is dropped
// silently: discarding is an explicit act.

type QueueStatus = 'unmatched' | 'held' | 'auto_reply' | 'bounce';

/** Newest first, paged by id. Raw bytes and HTML are not loaded. */
export async function listInboundQueue(db: Database, { statuses, before, limit = 50 }: { statuses: QueueStatus[]; before?: number; limit?: number }) {
  return db
    .select({
      id: inboundEmails.id,
      status: inboundEmails.status,
      statusReason: inboundEmails.statusReason,
      subject: inboundEmails.subject,
      source: inboundEmails.source,
      sizeBytes: inboundEmails.sizeBytes,
      receivedAt: inboundEmails.receivedAt,
      planId: inboundEmails.planId,
    })
    .from(inboundEmails)
    .where(and(inArray(inboundEmails.status, statuses), before ? lt(inboundEmails.id, before) : undefined))
    .orderBy(desc(inboundEmails.id))
    .limit(limit);
}

/** A moderator decides which plan an unmatched or held mail belongs to. */
export async function assignInboundEmail(db: Database, id: number, planId: number, options: ProcessOptions) {
  const updated = await db
    .update(inboundEmails)
    .set({ planId, status: 'pending', statusReason: null })
    .where(and(eq(inboundEmails.id, id), inArray(inboundEmails.status, ['unmatched', 'held', 'auto_reply'])))
    .returning({ id: inboundEmails.id });
  if (updated.length === 0) return undefined;
  return processInboundEmail(db, id, options);
}

/** After a fix (a parser bug, a plan reopened), try a held mail again. */
export async function retryInboundEmail(db: Database, id: number, options: ProcessOptions) {
  const updated = await db
    .update(inboundEmails)
    .set({ status: 'pending', statusReason: null })
    .where(and(eq(inboundEmails.id, id), eq(inboundEmails.status, 'held')))
    .returning({ id: inboundEmails.id });
  if (updated.length === 0) return undefined;
  return processInboundEmail(db, id, options);
}

export async function discardInboundEmail(db: Database, id: number, reason: string) {
  const updated = await db
    .update(inboundEmails)
    .set({ status: 'discarded', statusReason: reason.slice(0, 500), processedAt: new Date() })
    .where(and(eq(inboundEmails.id, id), inArray(inboundEmails.status, ['unmatched', 'held', 'auto_reply', 'bounce'])))
    .returning({ id: inboundEmails.id });
  return updated.length > 0;
}

/** The original message, for the "download .eml" link on the detail page. */
export async function rawInboundEmail(db: Database, id: number) {
  const [row] = await db.select({ raw: inboundEmails.raw, keyId: inboundEmails.keyId, subject: inboundEmails.subject }).from(inboundEmails).where(eq(inboundEmails.id, id));
  if (!row) return undefined;
  // Null once the plan's retention period purged the message.
  const raw = openRawEmail(contactKeyring(), row);
  return raw ? { raw, subject: row.subject } : undefined;
}
