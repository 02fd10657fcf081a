import { eq, type SQL } from 'drizzle-orm';
import { openContactRow } from '../../app/domain/contacts/sealed-contact.ts';
import { contactKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { sealEmailHtml, sealEmailText, sealRawEmail } from '../../app/domain/intake/email/sealed-email.ts';
import { openedOutboxMail } from '../../app/domain/mail/opened-outbox-mail.server.ts';
import type { Database } from '../../db/client.server.ts';
import { outboxMessages, suggestionContacts } from '../../db/schema/index.ts';

// Sealed columns as tests read and write them: outgoing mail opened and
// rendered (address and props are sealed at rest), inbound mail sealed like intake does.

export type OpenedMail = Omit<typeof outboxMessages.$inferSelect, 'toAddress' | 'props' | 'html' | 'text'> & {
  toAddress: string;
  html: string;
  text: string;
};

export async function outboxMail(db: Database, where?: SQL): Promise<OpenedMail[]> {
  const rows = await db.select().from(outboxMessages).where(where).orderBy(outboxMessages.id);
  // Rendered as the worker will send it (queued mail keeps only its template).
  return Promise.all(
    rows.map(async ({ props: _props, ...row }) => {
      const { to, html, text } = await openedOutboxMail({ ...row, props: _props });
      return { ...row, toAddress: to ?? '', html: html ?? '', text: text ?? '' };
    }),
  );
}

export async function outboxMailTo(db: Database, address: string): Promise<OpenedMail[]> {
  return (await outboxMail(db)).filter((m) => m.toAddress === address);
}

/** The sealed columns of an inbound_emails row, for tests that insert mail directly. */
export function sealedInboundEmail(raw: Buffer, sanitizedHtml?: string, text?: string) {
  const keyring = contactKeyring();
  return {
    ...sealRawEmail(keyring, raw),
    sanitizedHtml: sealEmailHtml(keyring, sanitizedHtml),
    text: sealEmailText(keyring, { keyId: keyring.current.id }, text),
  };
}

/** The contact record of a suggestion, opened (the columns are sealed at rest). */
export async function openedContact(db: Database, suggestionId: number) {
  const [row] = await db.select().from(suggestionContacts).where(eq(suggestionContacts.suggestionId, suggestionId));
  if (!row) return undefined;
  const opened = openContactRow(contactKeyring(), row);
  return {
    ...row,
    name: opened.name ?? null,
    unit: opened.unit ?? null,
    phone: opened.phone ?? null,
    email: opened.email ?? null,
  };
}
