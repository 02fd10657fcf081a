import { and, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { plans, suggestionContacts, suggestions } from '../../../db/schema/index.ts';
import type { StaffUser } from '../accounts/staff-user.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { openContactRow, proofMatches, sealContactRow } from './sealed-contact.ts';
import { maskEmail, maskName, maskPhone, maskUnit } from './mask.ts';
import { auditReason } from './audit-reason.ts';
import { readTextOriginal, type OriginalText } from './text-originals.server.ts';

// The one module that touches submitters' contact details (lint-enforced).
// Staff see masked details; a full read goes through a permission check and an
// audit entry (revealContact). Also here: the writes of intake, the match used
// by /track, and the batch read of exports (whose route checks the permission
// and audits the export). Every column is sealed at rest (sealed-contact.ts);
// /track and the participant count use keyed blind indexes, never plaintext.

export type ContactDetails = { name?: string; unit?: string; phone?: string; email?: string };

export function hasAnyContact(contact: ContactDetails): boolean {
  return Boolean(contact.name || contact.unit || contact.phone || contact.email);
}

export async function saveContact(tx: DbExecutor, suggestionId: number, contact: ContactDetails): Promise<void> {
  if (!hasAnyContact(contact)) return;
  await tx.insert(suggestionContacts).values({ suggestionId, ...sealContactRow(contactKeyring(), contact) });
}

/**
 * /track proves ownership with the email given at submission or the last four
 * digits of the phone. The proof is turned into the row's blind index (keyed
 * HMAC, under the key that sealed the row) and compared in constant time; the
 * caller answers "not found" for any mismatch so nothing is learned about
 * which part was wrong. No plaintext is read or compared.
 */
export async function contactMatches(
  tx: DbExecutor,
  suggestionId: number,
  proof: { email?: string; phoneLast4?: string },
): Promise<boolean> {
  const [row] = await tx
    .select({
      keyId: suggestionContacts.keyId,
      emailIndex: suggestionContacts.emailIndex,
      phoneLast4Index: suggestionContacts.phoneLast4Index,
    })
    .from(suggestionContacts)
    .where(eq(suggestionContacts.suggestionId, suggestionId));
  if (!row) return false;
  return proofMatches(contactKeyring(), row, proof);
}

/** Whether any contact detail is still kept for the suggestion (none after deletion or retention). */
export async function hasContactDetails(tx: DbExecutor, suggestionId: number): Promise<boolean> {
  return (await tx.$count(suggestionContacts, eq(suggestionContacts.suggestionId, suggestionId))) > 0;
}

/** Removes a suggestion's contact details for good (deletion on request, retention); returns the rows removed. */
export async function deleteContactDetails(tx: DbExecutor, suggestionId: number): Promise<number> {
  const removed = await tx
    .delete(suggestionContacts)
    .where(eq(suggestionContacts.suggestionId, suggestionId))
    .returning({ id: suggestionContacts.suggestionId });
  return removed.length;
}

/** Where the acknowledgement goes; used only inside the intake transaction. */
export function acknowledgementAddress(contact: ContactDetails): string | undefined {
  return contact.email?.trim() || undefined;
}

// ---- Staff access (issue 5) ----

export type MaskedContact = { name: string | null; unit: string | null; phone: string | null; email: string | null };

const sealedColumns = {
  keyId: suggestionContacts.keyId,
  name: suggestionContacts.name,
  unit: suggestionContacts.unit,
  phone: suggestionContacts.phone,
  email: suggestionContacts.email,
};

async function readContact(tx: DbExecutor, suggestionId: number): Promise<ContactDetails | undefined> {
  const [row] = await tx
    .select(sealedColumns)
    .from(suggestionContacts)
    .where(eq(suggestionContacts.suggestionId, suggestionId));
  return row ? openContactRow(contactKeyring(), row) : undefined;
}

/** What every staff member sees: 张** · 138****5678 · z***@example.edu.cn. Null when nothing was given. */
export async function maskedContact(tx: DbExecutor, suggestionId: number): Promise<MaskedContact | null> {
  const row = await readContact(tx, suggestionId);
  if (!row) return null;
  return {
    name: row.name ? maskName(row.name) : null,
    unit: row.unit ? maskUnit(row.unit) : null,
    phone: row.phone ? maskPhone(row.phone) : null,
    email: row.email ? maskEmail(row.email) : null,
  };
}

export class ContactAccessDenied extends Error {
  constructor() {
    super('read:contact:any required');
  }
}

/** The revealed record: the contact fields, and the suggestion's text as written where contact details in it were masked. */
export type RevealedContact = ContactDetails & { original?: OriginalText };

/**
 * The contact details in clear, for a holder of read:contact:any who gave a
 * reason. The audit entry (who, which suggestion, why) is written in the same
 * transaction as the read: no entry, no details. The reason is stored with
 * contact details in it masked (audit-reason.ts). The same reveal opens the
 * original of text whose contact details were masked (decision 057).
 */
export async function revealContact(
  db: DbExecutor,
  {
    suggestionId,
    viewer,
    reason,
    ip,
  }: { suggestionId: number; viewer: Pick<StaffUser, 'id' | 'permissions'>; reason: string; ip?: string },
): Promise<RevealedContact | null> {
  if (!viewer.permissions.has('read:contact:any')) throw new ContactAccessDenied();
  const why = auditReason(reason);
  if (!why) throw new ContactAccessDenied();
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.id, suggestionId));
    if (!exists) return null;
    const original = await readTextOriginal(tx, suggestionId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'contact.revealed',
      targetType: 'suggestion',
      targetId: suggestionId,
      details: original ? { reason: why, originalText: true } : { reason: why },
      ip,
    });
    const contact = (await readContact(tx, suggestionId)) ?? {};
    return original ? { ...contact, original } : contact;
  });
}

/**
 * The submitter's address for a staff reply, used inside the reply's
 * transaction and never returned to the page: the sender does not need to see it.
 */
export async function replyAddress(tx: DbExecutor, suggestionId: number): Promise<string | undefined> {
  return (await readContact(tx, suggestionId))?.email?.trim() || undefined;
}

/**
 * Contact details of a batch of suggestions, for an export that asked for
 * them, refused without read:contact:any (checked here, on the viewer, so no
 * caller can forget it); the caller records the export in the audit log; one query per batch keeps a streamed export's
 * memory flat.
 */
export async function contactsForExport(
  db: DbExecutor,
  viewer: Actor,
  suggestionIds: number[],
): Promise<Map<number, ContactDetails>> {
  assertPermission(viewer, 'read:contact:any');
  if (suggestionIds.length === 0) return new Map();
  const rows = await db
    .select({ suggestionId: suggestionContacts.suggestionId, ...sealedColumns })
    .from(suggestionContacts)
    .where(inArray(suggestionContacts.suggestionId, suggestionIds));
  if (rows.length === 0) return new Map();
  const keyring = contactKeyring();
  return new Map(rows.map((row) => [row.suggestionId, openContactRow(keyring, row)]));
}

// ---- Public pages (issue 10) ----

/**
 * Names for public pages, of those suggestions whose submitter chose 署名公开
 * ('named') and no others: the consent is checked here, next to the only read
 * of the name, so that no public page can show a name by forgetting to ask.
 * Nothing but the name ever leaves for a public page.
 */
export async function publicNames(db: DbExecutor, suggestionIds: number[]): Promise<Map<number, string>> {
  if (suggestionIds.length === 0) return new Map();
  const rows = await db
    .select({
      suggestionId: suggestionContacts.suggestionId,
      keyId: suggestionContacts.keyId,
      name: suggestionContacts.name,
    })
    .from(suggestionContacts)
    .innerJoin(suggestions, eq(suggestions.id, suggestionContacts.suggestionId))
    .where(and(inArray(suggestionContacts.suggestionId, suggestionIds), eq(suggestions.publicationConsent, 'named')));
  const names = new Map<number, string>();
  if (rows.length === 0) return names;
  const keyring = contactKeyring();
  for (const row of rows) {
    const name = openContactRow(keyring, {
      keyId: row.keyId,
      name: row.name,
      unit: null,
      phone: null,
      email: null,
    }).name?.trim();
    if (name) names.set(row.suggestionId, name);
  }
  return names;
}

/**
 * How many people took part in a plan (the public counter): submitters are
 * told apart by the blind index of their email, else of their phone digits; a
 * suggestion with neither counts as one person. Only the number leaves this
 * module. Spam and suggestions still held for verification are not counted.
 * Once the plan's contacts are purged (retention), the count taken at the
 * purge stands, plus whoever was recorded since.
 * Limit: while a key rotation is under way, one person whose suggestions are
 * sealed under two keys is counted twice.
 */
export async function countSubmitters(db: DbExecutor, planId: number): Promise<number> {
  const [plan] = await db
    .select({ purgedAt: plans.contactsPurgedAt, frozen: plans.participantCountAtPurge })
    .from(plans)
    .where(eq(plans.id, planId));
  const conditions = [eq(suggestions.planId, planId), notInArray(suggestions.status, ['spam', 'pending_verification'])];
  if (plan?.purgedAt) conditions.push(gt(suggestions.createdAt, plan.purgedAt));
  const [row] = await db
    .select({
      count: sql<number>`count(distinct coalesce(encode(${suggestionContacts.emailIndex}, 'hex'), encode(${suggestionContacts.phoneIndex}, 'hex'), 'suggestion:' || ${suggestions.id}))::int`,
    })
    .from(suggestions)
    .leftJoin(suggestionContacts, eq(suggestionContacts.suggestionId, suggestions.id))
    .where(and(...conditions));
  return (plan?.frozen ?? 0) + (row?.count ?? 0);
}

// ---- Retention ----

/**
 * Deletes the contact records of a plan's suggestions (retention): the
 * suggestions stay, anonymous. Returns how many were deleted.
 */
export async function purgePlanContacts(tx: DbExecutor, planId: number): Promise<number> {
  const deleted = await tx
    .delete(suggestionContacts)
    .where(
      inArray(
        suggestionContacts.suggestionId,
        tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.planId, planId)),
      ),
    )
    .returning({ id: suggestionContacts.suggestionId });
  return deleted.length;
}
