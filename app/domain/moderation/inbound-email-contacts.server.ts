import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { inboundEmails } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { rawInboundEmail } from '../intake/email/email-queue.server.ts';
import { HEAD_BYTES, openEmailHtml, openRawHead } from '../intake/email/sealed-email.ts';
import { senderHeaders } from './email-headers.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';

// A mail's sender, its raw .eml and its HTML carry the same contact details as
// the contact record (the sender's address, a signature with a phone number).
// Staff reach them only here: with read:contact:any, and audited.

type Act = { id: number; actor: Actor; ip?: string };

/** Unmasked "From" of a page of inbound mails, read from their header blocks (first 16 KiB), one query. */
export async function inboundSenders(db: Database, { viewer, ids, ip }: { viewer: Actor; ids: number[]; ip?: string }) {
  assertPermission(viewer, 'read:contact:any');
  const senders = new Map<number, string | null>();
  if (ids.length === 0) return senders;
  const heads = await db
    .select({
      id: inboundEmails.id,
      keyId: inboundEmails.keyId,
      rawHead: inboundEmails.rawHead,
      // Only a row not yet sealed (key_id NULL) needs its raw bytes here.
      raw: sql<Buffer | null>`case when ${inboundEmails.keyId} is null then substring(${inboundEmails.raw} from 1 for ${HEAD_BYTES}) end`,
    })
    .from(inboundEmails)
    .where(inArray(inboundEmails.id, ids));
  const keyring = contactKeyring();
  for (const row of heads) {
    const head = openRawHead(keyring, row);
    senders.set(row.id, head ? ((await senderHeaders(head, { mask: false }).catch(() => null))?.from ?? null) : null);
  }
  await recordAudit(db, {
    actorId: viewer.id,
    action: 'inbound_email.senders_viewed',
    targetType: 'inbound_email',
    details: { ids },
    ip,
  });
  return senders;
}

/** The original .eml holds the sender and everything they wrote. */
export async function downloadInboundEmail(db: Database, { id, actor, ip }: Act) {
  assertPermission(actor, 'read:contact:any');
  const mail = await rawInboundEmail(db, id);
  if (!mail) return null;
  await recordAudit(db, {
    actorId: actor.id,
    action: 'inbound_email.downloaded',
    targetType: 'inbound_email',
    targetId: id,
    ip,
  });
  return mail;
}

/** The HTML of an HTML mail, as sanitized at intake (signatures carry the lines moved to the contact record). */
export async function viewInboundEmailHtml(db: Database, { id, actor, ip }: Act): Promise<string | null> {
  assertPermission(actor, 'read:contact:any');
  const [row] = await db
    .select({ keyId: inboundEmails.keyId, sanitizedHtml: inboundEmails.sanitizedHtml })
    .from(inboundEmails)
    .where(eq(inboundEmails.id, id));
  const html = row ? openEmailHtml(contactKeyring(), row) : null;
  if (!html) return null;
  await recordAudit(db, {
    actorId: actor.id,
    action: 'inbound_email.html_viewed',
    targetType: 'inbound_email',
    targetId: id,
    ip,
  });
  return html;
}
