import { asc, eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { inboundEmails } from '../../../db/schema/index.ts';
import type { StaffUser } from '../accounts/staff-user.server.ts';
import { revealContact, type RevealedContact } from '../contacts/contacts.server.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { openMailOriginals } from '../intake/email/sealed-email.ts';

// The detail page's reveal: the contact record and the masked text's original
// (revealContact), and, for a mailed suggestion, the subject as sent when
// masking changed it (decision 058 sealed it in inbound_emails.masked_originals).
// It lives here, not in contacts/, because intake depends on contacts: reading
// the mail from contacts/ would tie the two areas both ways.

export type RevealedSuggestionContact = RevealedContact & { mailSubject?: string };

export async function revealSuggestionContact(
  db: Database,
  input: { suggestionId: number; viewer: Pick<StaffUser, 'id' | 'permissions'>; reason: string; ip?: string },
): Promise<RevealedSuggestionContact | null> {
  // One transaction: the subject is read only where the audited reveal succeeded.
  return db.transaction(async (tx) => {
    const contact = await revealContact(tx, input);
    if (!contact) return null;
    const mailSubject = await originalMailSubject(tx, input.suggestionId);
    return mailSubject ? { ...contact, mailSubject } : contact;
  });
}

async function originalMailSubject(tx: DbExecutor, suggestionId: number): Promise<string | undefined> {
  const [mail] = await tx
    .select({ keyId: inboundEmails.keyId, maskedOriginals: inboundEmails.maskedOriginals })
    .from(inboundEmails)
    .where(eq(inboundEmails.suggestionId, suggestionId))
    .orderBy(asc(inboundEmails.id))
    .limit(1);
  return (mail && openMailOriginals(contactKeyring(), mail)?.subject) || undefined;
}
