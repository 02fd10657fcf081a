import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { suggestionContacts } from '../../../db/schema/index.ts';

// The one module that touches submitters' contact details (lint-enforced).
// Reads for staff go through a permission check and an audit entry (issue 5);
// here are the writes of intake, the match used by /track, and the batch read
// of exports (whose route checks the permission and audits the export).

export type ContactDetails = { name?: string; unit?: string; phone?: string; email?: string };

export function hasAnyContact(contact: ContactDetails): boolean {
  return Boolean(contact.name || contact.unit || contact.phone || contact.email);
}

export async function saveContact(tx: DbExecutor, suggestionId: number, contact: ContactDetails): Promise<void> {
  if (!hasAnyContact(contact)) return;
  await tx.insert(suggestionContacts).values({
    suggestionId,
    name: contact.name || null,
    unit: contact.unit || null,
    phone: contact.phone || null,
    email: contact.email ? contact.email.trim() : null,
  });
}

/**
 * /track proves ownership with the email given at submission or the last four
 * digits of the phone. Compared in constant time; the caller answers "not
 * found" for any mismatch so nothing is learned about which part was wrong.
 */
export async function contactMatches(
  tx: DbExecutor,
  suggestionId: number,
  proof: { email?: string; phoneLast4?: string },
): Promise<boolean> {
  const [row] = await tx
    .select({ email: suggestionContacts.email, phone: suggestionContacts.phone })
    .from(suggestionContacts)
    .where(eq(suggestionContacts.suggestionId, suggestionId));
  if (!row) return false;
  if (proof.email && row.email) return safeEqual(row.email.toLowerCase(), proof.email.trim().toLowerCase());
  if (proof.phoneLast4 && row.phone) {
    const digits = row.phone.replace(/\D/g, '');
    return digits.length >= 4 && safeEqual(digits.slice(-4), proof.phoneLast4);
  }
  return false;
}

/** Where the acknowledgement goes; used only inside the intake transaction. */
export function acknowledgementAddress(contact: ContactDetails): string | undefined {
  return contact.email?.trim() || undefined;
}

function safeEqual(a: string, b: string): boolean {
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(left, right);
}

/**
 * Contact details of a batch of suggestions, for an export that asked for
 * them. The caller has checked the contact-details permission and records the
 * export in the audit log; one query per batch keeps a streamed export's
 * memory flat.
 */
export async function contactsForExport(db: DbExecutor, suggestionIds: number[]): Promise<Map<number, ContactDetails>> {
  if (suggestionIds.length === 0) return new Map();
  const rows = await db
    .select({
      suggestionId: suggestionContacts.suggestionId,
      name: suggestionContacts.name,
      unit: suggestionContacts.unit,
      phone: suggestionContacts.phone,
      email: suggestionContacts.email,
    })
    .from(suggestionContacts)
    .where(inArray(suggestionContacts.suggestionId, suggestionIds));
  return new Map(
    rows.map(({ suggestionId, ...c }) => [
      suggestionId,
      { name: c.name ?? undefined, unit: c.unit ?? undefined, phone: c.phone ?? undefined, email: c.email ?? undefined },
    ]),
  );
}
