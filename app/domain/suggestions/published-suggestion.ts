import { and, inArray, isNotNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { suggestions } from '../../../db/schema/index.ts';

// On the public record (decision 048): the submitter agreed to publication
// (署名公开 or 匿名公开), staff marked the suggestion publishable, and it has a
// moderator's public summary. Only that summary is ever shown; never the
// submitted title or text, a contact, or the tracking code. Spam and merged
// duplicates are not suggestions of their own.
export function isPublished(): SQL {
  return and(
    inArray(suggestions.publicationConsent, ['named', 'anonymous']),
    sql`${suggestions.publishable}`,
    isNotNull(suggestions.publicSummary),
    sql`btrim(${suggestions.publicSummary}) <> ''`,
    notInArray(suggestions.status, ['spam', 'duplicate']),
  )!;
}

/** Supporters counted for a suggestion: a correlated subquery, for lists. */
export const supportCount = sql<number>`(select count(*) from suggestion_supports s where s.suggestion_id = ${suggestions.id})::int`;
