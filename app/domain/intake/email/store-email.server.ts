import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client.server.ts';
import { inboundEmails } from '../../../../db/schema/index.ts';
import { contactKeyring } from '../../crypto/installed-keyring.ts';
import { sealRawEmail } from './sealed-email.ts';

export type EmailSource = 'imap' | 'http' | 'file';

/**
 * Step one of intake: keep the raw message, before anything can fail. A
 * message seen before (same Message-ID, or the same bytes when it has none)
 * is not stored twice; the existing row is returned.
 *
 * `sizeBytes` is the message's real size when only its header block was
 * downloaded (IMAP, a message over INTAKE_MAX_BYTES): processing then holds it unparsed.
 */
export async function storeInboundEmail(
  db: Database,
  raw: Buffer,
  source: EmailSource,
  { sizeBytes = raw.length }: { sizeBytes?: number } = {},
) {
  const { dedupeKey, messageId } = dedupeKeyOf(raw, sizeBytes);
  const [inserted] = await db
    .insert(inboundEmails)
    .values({ dedupeKey, messageId, source, ...sealRawEmail(contactKeyring(), raw), sizeBytes })
    .onConflictDoNothing()
    .returning({ id: inboundEmails.id });
  if (inserted) return { id: inserted.id, duplicate: false };
  const [existing] = await db
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(eq(inboundEmails.dedupeKey, dedupeKey));
  return { id: existing!.id, duplicate: true };
}

export function dedupeKeyOf(raw: Buffer, sizeBytes = raw.length) {
  const messageId = readMessageId(raw);
  const hash = crypto.createHash('sha256');
  // A header block alone (an oversized IMAP message) is told apart by its size too.
  if (sizeBytes !== raw.length) hash.update(`${sizeBytes}:`);
  const dedupeKey = messageId
    ? `mid:${crypto.createHash('sha256').update(messageId.toLowerCase()).digest('hex')}`
    : `raw:${hash.update(raw).digest('hex')}`;
  return { dedupeKey, messageId };
}

// Read from the raw header block, so that de-duplication never depends on a
// parse that might fail. Control characters (a NUL byte, which PostgreSQL text
// refuses) are dropped, so that a malformed Message-ID cannot fail the insert
// every time and stop the mailbox (issue 15).
export function readMessageId(raw: Buffer): string | undefined {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:[ \t]*(<[^>\s]+>|\S+)/im.exec(headers);
  const cleaned = match?.[1]
    // eslint-disable-next-line no-control-regex -- removing control characters on purpose
    ?.replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 998);
  return cleaned || undefined;
}
