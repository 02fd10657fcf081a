import crypto from 'node:crypto';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { suggestionContacts, suggestions } from '../../../db/schema/index.ts';
import type { StaffUser } from '../accounts/auth.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { maskEmail, maskName, maskPhone, maskUnit } from './mask.ts';

// The one module that touches submitters' contact details (lint-enforced).
// Staff see masked details; a full read goes through a permission check and an
// audit entry (revealContact). Also here: the writes of intake, the match used
// by /track, and the batch read of exports (whose route checks the permission
// and audits the export).

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

/** Whether any contact detail is still kept for the suggestion (none after deletion or retention). */
export async function hasContactDetails(tx: DbExecutor, suggestionId: number): Promise<boolean> {
  return (await tx.$count(suggestionContacts, eq(suggestionContacts.suggestionId, suggestionId))) > 0;
}

/** Removes a suggestion's contact details for good (deletion on request, retention); returns the rows removed. */
export async function deleteContactDetails(tx: DbExecutor, suggestionId: number): Promise<number> {
  const removed = await tx.delete(suggestionContacts).where(eq(suggestionContacts.suggestionId, suggestionId)).returning({ id: suggestionContacts.suggestionId });
  return removed.length;
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

// ---- Staff access (issue 5) ----

export type MaskedContact = { name: string | null; unit: string | null; phone: string | null; email: string | null };

async function readContact(tx: DbExecutor, suggestionId: number) {
  const [row] = await tx
    .select({ name: suggestionContacts.name, unit: suggestionContacts.unit, phone: suggestionContacts.phone, email: suggestionContacts.email })
    .from(suggestionContacts)
    .where(eq(suggestionContacts.suggestionId, suggestionId));
  return row;
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

/**
 * The contact details in clear, for a holder of read:contact:any who gave a
 * reason. The audit entry (who, which suggestion, why) is written in the same
 * transaction as the read: no entry, no details.
 */
export async function revealContact(
  db: Database,
  { suggestionId, viewer, reason, ip }: { suggestionId: number; viewer: Pick<StaffUser, 'id' | 'permissions'>; reason: string; ip?: string },
): Promise<ContactDetails | null> {
  if (!viewer.permissions.has('read:contact:any')) throw new ContactAccessDenied();
  const why = reason.trim().slice(0, 200);
  if (!why) throw new ContactAccessDenied();
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.id, suggestionId));
    if (!exists) return null;
    await recordAudit(tx, { actorId: viewer.id, action: 'contact.revealed', targetType: 'suggestion', targetId: suggestionId, details: { reason: why }, ip });
    const row = await readContact(tx, suggestionId);
    return { name: row?.name ?? undefined, unit: row?.unit ?? undefined, phone: row?.phone ?? undefined, email: row?.email ?? undefined };
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
export async function contactsForExport(db: DbExecutor, viewer: Actor, suggestionIds: number[]): Promise<Map<number, ContactDetails>> {
  assertPermission(viewer, 'read:contact:any');
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
    .select({ suggestionId: suggestionContacts.suggestionId, name: suggestionContacts.name })
    .from(suggestionContacts)
    .innerJoin(suggestions, eq(suggestions.id, suggestionContacts.suggestionId))
    .where(and(inArray(suggestionContacts.suggestionId, suggestionIds), eq(suggestions.publicationConsent, 'named')));
  return new Map(rows.filter((r) => r.name?.trim()).map((r) => [r.suggestionId, r.name!.trim()]));
}

/**
 * How many people took part in a plan (the public counter): submitters are
 * told apart by email, else phone digits; a suggestion with neither counts as
 * one person. Only the number leaves this module. Spam and suggestions still
 * held for verification are not counted.
 */
export async function countSubmitters(db: DbExecutor, planId: number): Promise<number> {
  const [row] = await db
    .select({
      count: sql<number>`count(distinct coalesce(lower(${suggestionContacts.email}), nullif(regexp_replace(coalesce(${suggestionContacts.phone}, ''), '\\D', '', 'g'), ''), 'suggestion:' || ${suggestions.id}))::int`,
    })
    .from(suggestions)
    .leftJoin(suggestionContacts, eq(suggestionContacts.suggestionId, suggestions.id))
    .where(and(eq(suggestions.planId, planId), notInArray(suggestions.status, ['spam', 'pending_verification'])));
  return row?.count ?? 0;
}
