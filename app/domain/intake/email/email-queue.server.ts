import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../../../db/client.server.ts';
import { inboundEmails } from '../../../../db/schema/index.ts';
import { contactKeyring } from '../../crypto/installed-keyring.ts';
import {
  inboundReasonCode,
  unrescuableReasons,
  type InboundReason,
  type MailAttachmentSummary,
} from './inbound-reasons.ts';
import { listAttachments } from './mail-attachments.server.ts';
import { mimeShape } from './mime-shape.ts';
import { parseEmail } from './parse-email.server.ts';
import { processInboundEmail, type ProcessOptions } from './process-email.server.ts';
import { openEmailText, openMailOriginals, openRawEmail, sealEmailText, sealMailOriginals } from './sealed-email.ts';
import { screenMailNames } from './screen-mail-names.ts';
import { CONTACT_SCREEN_VERSION, maskFileName } from '../../contacts/screen-text.ts';

// The moderators' side of email intake: mail that did not become a suggestion
// by itself (unmatched, held, automated) waits here. Nothing is dropped
// silently: discarding is an explicit act.

type QueueStatus = 'unmatched' | 'held' | 'auto_reply' | 'bounce';

/**
 * Newest first, paged by id, with each mail's decoded text and attachments
 * so that a moderator reads before deciding. Raw bytes and HTML are not loaded.
 */
export async function listInboundQueue(
  db: Database,
  {
    statuses,
    before,
    limit = 50,
    maxBytes,
  }: { statuses: QueueStatus[]; before?: number; limit?: number; maxBytes: number },
) {
  const columns = {
    id: inboundEmails.id,
    status: inboundEmails.status,
    statusReason: inboundEmails.statusReason,
    statusDetail: inboundEmails.statusDetail,
    subject: inboundEmails.subject,
    text: inboundEmails.text,
    keyId: inboundEmails.keyId,
    attachmentList: inboundEmails.attachmentList,
    source: inboundEmails.source,
    sizeBytes: inboundEmails.sizeBytes,
    receivedAt: inboundEmails.receivedAt,
    planId: inboundEmails.planId,
  };
  const rows = await db
    .select(columns)
    .from(inboundEmails)
    .where(and(inArray(inboundEmails.status, statuses), before ? lt(inboundEmails.id, before) : undefined))
    .orderBy(desc(inboundEmails.id))
    .limit(limit);
  // The text is sealed (it carries the sender's signature): opened here, for the page.
  const keyring = contactKeyring();
  const opened = rows.map(({ keyId, ...row }) => ({ ...row, text: openEmailText(keyring, { keyId, text: row.text }) }));
  const unread = opened.filter(
    (row) =>
      row.text === null && row.sizeBytes <= maxBytes && inboundReasonCode(row.statusReason) !== 'mime_too_complex',
  );
  if (unread.length === 0) return opened;
  const filled = await readUnparsed(
    db,
    unread.map((row) => row.id),
  );
  return opened.map((row) => ({ ...row, ...filled.get(row.id) }));
}

// Mail queued before the text was kept with it (or held by a parser that has
// since been fixed): read once, within the same bounds as intake, and keep.
async function readUnparsed(db: Database, ids: number[]) {
  const filled = new Map<number, { text: string; attachmentList: MailAttachmentSummary[] }>();
  const keyring = contactKeyring();
  const rows = await db
    .select({
      id: inboundEmails.id,
      keyId: inboundEmails.keyId,
      raw: inboundEmails.raw,
      subject: inboundEmails.subject,
      maskedOriginals: inboundEmails.maskedOriginals,
    })
    .from(inboundEmails)
    .where(and(inArray(inboundEmails.id, ids), isNull(inboundEmails.text)));
  for (const row of rows) {
    const { id } = row;
    // NULL once the plan's retention period purged the message.
    const raw = openRawEmail(keyring, row);
    if (!raw || mimeShape(raw).exceeded) continue;
    const parsed = await parseEmail(raw).catch(() => undefined);
    if (!parsed) continue;
    const text = parsed.text.replaceAll('\u0000', '');
    // File names are masked like the subject was when the mail was held (screen-mail-names.ts).
    const kept = openMailOriginals(keyring, row);
    const screened = screenMailNames(kept?.subject ?? row.subject, listAttachments(parsed.attachments));
    const attachmentList = screened.attachmentList!;
    filled.set(id, { text, attachmentList });
    // The row's key may have changed since it was read (a rotation): only a row still as read is written.
    await db
      .update(inboundEmails)
      .set({
        text: sealEmailText(keyring, row, text),
        attachmentList,
        subject: screened.subject,
        maskedOriginals: sealMailOriginals(keyring, row, screened.originals),
        contactScreenVersion: CONTACT_SCREEN_VERSION,
      })
      .where(
        and(
          eq(inboundEmails.id, id),
          row.keyId === null ? isNull(inboundEmails.keyId) : eq(inboundEmails.keyId, row.keyId),
        ),
      );
  }
  return filled;
}

/** Why a queued mail cannot become a suggestion whatever a moderator does, if so. */
export function cannotRescue(row: { status: string; statusReason: string | null }): InboundReason | undefined {
  const code = inboundReasonCode(row.statusReason);
  return row.status === 'held' && code && unrescuableReasons.includes(code) ? code : undefined;
}

/** A moderator decides which plan an unmatched or held mail belongs to. */
export async function assignInboundEmail(db: Database, id: number, planId: number, options: ProcessOptions) {
  const updated = await db
    .update(inboundEmails)
    .set({ planId, status: 'pending', statusReason: null, statusDetail: null })
    .where(and(eq(inboundEmails.id, id), inArray(inboundEmails.status, ['unmatched', 'held', 'auto_reply'])))
    .returning({ id: inboundEmails.id });
  if (updated.length === 0) return undefined;
  return processInboundEmail(db, id, options);
}

/** After a fix (a parser bug, a plan reopened), try a held mail again. */
export async function retryInboundEmail(db: Database, id: number, options: ProcessOptions) {
  const updated = await db
    .update(inboundEmails)
    .set({ status: 'pending', statusReason: null, statusDetail: null })
    .where(and(eq(inboundEmails.id, id), eq(inboundEmails.status, 'held')))
    .returning({ id: inboundEmails.id });
  if (updated.length === 0) return undefined;
  return processInboundEmail(db, id, options);
}

export async function discardInboundEmail(db: Database, id: number, reason: string) {
  const updated = await db
    .update(inboundEmails)
    .set({ status: 'discarded', statusReason: reason.slice(0, 500), statusDetail: null, processedAt: new Date() })
    .where(and(eq(inboundEmails.id, id), inArray(inboundEmails.status, ['unmatched', 'held', 'auto_reply', 'bounce'])))
    .returning({ id: inboundEmails.id });
  return updated.length > 0;
}

/** The original message, for the "download .eml" link on the detail page. */
export async function rawInboundEmail(db: Database, id: number) {
  const [row] = await db
    .select({ raw: inboundEmails.raw, keyId: inboundEmails.keyId, subject: inboundEmails.subject })
    .from(inboundEmails)
    .where(eq(inboundEmails.id, id));
  if (!row) return undefined;
  // Null once the plan's retention period purged the message.
  const raw = openRawEmail(contactKeyring(), row);
  return raw ? { raw, subject: row.subject } : undefined;
}

/**
 * One attachment of a stored mail, by its place in the list shown to staff
 * (a file the portal did not keep with the suggestion). Read again from the
 * raw message within intake's bounds; the name must still match, so that a
 * changed parser never hands out a different file under an old link.
 */
export async function inboundAttachment(
  db: Database,
  { id, index, maxBytes }: { id: number; index: number; maxBytes: number },
) {
  const [row] = await db
    .select({
      raw: inboundEmails.raw,
      keyId: inboundEmails.keyId,
      sizeBytes: inboundEmails.sizeBytes,
      list: inboundEmails.attachmentList,
    })
    .from(inboundEmails)
    .where(eq(inboundEmails.id, id));
  const listed = row?.list?.find((file) => file.index === index);
  if (!row || !listed || row.sizeBytes > maxBytes) return undefined;
  // NULL once the plan's retention period purged the message; the length that counts is the opened one.
  const raw = openRawEmail(contactKeyring(), row);
  if (!raw || raw.length < row.sizeBytes || mimeShape(raw).exceeded) return undefined;
  const parsed = await parseEmail(raw).catch(() => undefined);
  const file = parsed?.attachments[index];
  // The list keeps the name masked (screen-mail-names.ts): compare alike.
  if (!file || maskFileName(file.filename.replaceAll('\u0000', '')) !== listed.filename) return undefined;
  return { filename: listed.filename, bytes: file.bytes };
}
