import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { publicationConsentChanges, staffUsers, suggestions } from '../../../db/schema/index.ts';
import { ratingOf } from './ratings.server.ts';

/** The staff page's view of consent (with its recorded changes) and the submitter's rating. */
export async function publicationForStaff(db: Database, suggestionId: number) {
  const [[row], changes, rating] = await Promise.all([
    db.select({ consent: suggestions.publicationConsent }).from(suggestions).where(eq(suggestions.id, suggestionId)),
    db
      .select({
        id: publicationConsentChanges.id,
        fromConsent: publicationConsentChanges.fromConsent,
        toConsent: publicationConsentChanges.toConsent,
        note: publicationConsentChanges.note,
        actor: staffUsers.name,
        createdAt: publicationConsentChanges.createdAt,
      })
      .from(publicationConsentChanges)
      .innerJoin(staffUsers, eq(staffUsers.id, publicationConsentChanges.actorId))
      .where(eq(publicationConsentChanges.suggestionId, suggestionId))
      .orderBy(desc(publicationConsentChanges.id))
      .limit(50),
    ratingOf(db, suggestionId),
  ]);
  return { consent: row?.consent ?? 'none', changes, rating };
}
