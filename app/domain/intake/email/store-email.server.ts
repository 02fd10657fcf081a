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
 */
export async function storeInboundEmail(db: Database, raw: Buffer, source: EmailSource) {
  const messageId = readMessageId(raw);
  const dedupeKey = messageId
    ? `mid:${crypto.createHash('sha256').update(messageId.toLowerCase()).digest('hex')}`
    : `raw:${crypto.createHash('sha256').update(raw).digest('hex')}`;
  const [inserted] = await db
    .insert(inboundEmails)
    .values({ dedupeKey, messageId, source, ...sealRawEmail(contactKeyring(), raw), sizeBytes: raw.length })
    .onConflictDoNothing()
    .returning({ id: inboundEmails.id });
  if (inserted) return { id: inserted.id, duplicate: false };
  const [existing] = await db.select({ id: inboundEmails.id }).from(inboundEmails).where(eq(inboundEmails.dedupeKey, dedupeKey));
  return { id: existing!.id, duplicate: true };
}

// Read from the raw header block, so that de-duplication never depends on a
// parse that might fail.
export function readMessageId(raw: Buffer): string | undefined {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:\s*(<[^>\s]+>|\S+)/im.exec(headers);
  return match?.[1]?.trim();
}
