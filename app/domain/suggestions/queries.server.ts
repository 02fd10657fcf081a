import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import {
  attachments,
  categories,
  outboxMessages,
  planSections,
  plans,
  suggestionRatings,
  suggestions,
} from '../../../db/schema/index.ts';
import { contactMatches, hasContactDetails } from '../contacts/contacts.server.ts';
import { normalizeTrackingCode } from './tracking-code.ts';

/**
 * What the receipt page shows: the code and a summary. No body text and no
 * contact details, since anyone holding the URL sees it.
 */
export async function getReceipt(db: Database, rawCode: string) {
  const code = normalizeTrackingCode(rawCode);
  if (!code) return null;
  const [row] = await db
    .select({
      id: suggestions.id,
      trackingCode: suggestions.trackingCode,
      title: suggestions.title,
      status: suggestions.status,
      submittedAt: suggestions.submittedAt,
      planTitle: plans.title,
      planSlug: plans.slug,
      categoryName: categories.name,
      categoryNameEn: categories.nameEn,
      sectionNumber: planSections.number,
      sectionHeading: planSections.heading,
      attachmentCount: sql<number>`(select count(*)::int from ${attachments} where ${attachments.suggestionId} = ${suggestions.id})`,
      acknowledgementQueued: sql<boolean>`exists (select 1 from ${outboxMessages} where ${outboxMessages.suggestionId} = ${suggestions.id} and ${outboxMessages.kind} = 'acknowledgement')`,
    })
    .from(suggestions)
    .innerJoin(plans, eq(plans.id, suggestions.planId))
    .leftJoin(categories, eq(categories.id, suggestions.categoryId))
    .leftJoin(planSections, eq(planSections.id, suggestions.sectionId))
    .where(eq(suggestions.trackingCode, code));
  if (!row) return null;
  const { id: _id, ...receipt } = row;
  return receipt;
}

export type TrackedSuggestion = {
  trackingCode: string;
  title: string;
  planTitle: string;
  status: (typeof suggestions.$inferSelect)['status'];
  submittedAt: Date;
  decidedAt: Date | null;
  publicReply: string | null;
  /** When review started (办理中), for the timeline. */
  reviewStartedAt: Date | null;
  /** The submitter's own rating of the handling, once given. */
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  /** 署名公开 / 匿名公开 / 不公开, which the submitter may change here. */
  publicationConsent: (typeof suggestions.$inferSelect)['publicationConsent'];
  /** Whether contact details are still kept (the submitter may delete them). */
  hasContact: boolean;
};

/**
 * /track: the code plus the email given, or the last four digits of the
 * phone. Any mismatch, of code or of contact, is the same `null`.
 */
export async function trackSuggestion(
  db: Database,
  rawCode: string,
  contact: string,
): Promise<TrackedSuggestion | null> {
  const code = normalizeTrackingCode(rawCode);
  const proof = contact.trim();
  if (!code || !proof) return null;
  const [row] = await db
    .select({
      id: suggestions.id,
      trackingCode: suggestions.trackingCode,
      title: suggestions.title,
      planTitle: plans.title,
      status: suggestions.status,
      submittedAt: suggestions.submittedAt,
      decidedAt: suggestions.decidedAt,
      publicReply: suggestions.publicReply,
      reviewStartedAt: suggestions.reviewStartedAt,
      rating: sql<
        TrackedSuggestion['rating']
      >`(select ${suggestionRatings.rating} from ${suggestionRatings} where ${suggestionRatings.suggestionId} = ${suggestions.id})`,
      publicationConsent: suggestions.publicationConsent,
    })
    .from(suggestions)
    .innerJoin(plans, and(eq(plans.id, suggestions.planId)))
    .where(eq(suggestions.trackingCode, code));
  const matches = row
    ? await contactMatches(db, row.id, /^\d{4}$/.test(proof) ? { phoneLast4: proof } : { email: proof })
    : false;
  if (!row || !matches) return null;
  const { id, ...tracked } = row;
  return { ...tracked, hasContact: await hasContactDetails(db, id) };
}

/** The id behind a /track proof, for the submitter's own acts (consent, deletion); null on any mismatch. */
export async function ownSuggestionId(db: Database, rawCode: string, contact: string): Promise<number | null> {
  const code = normalizeTrackingCode(rawCode);
  const proof = contact.trim();
  if (!code || !proof) return null;
  const [row] = await db.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.trackingCode, code));
  if (!row) return null;
  return (await contactMatches(db, row.id, /^\d{4}$/.test(proof) ? { phoneLast4: proof } : { email: proof }))
    ? row.id
    : null;
}
