import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { suggestions, suggestionSearch } from '../../../db/schema/index.ts';
import { normalizeText } from '../text/normalize.ts';
import { quoteLexeme } from '../search/tsvector.ts';
import { contentWords } from '../themes/content-words.ts';
import { isPublished, supportCount } from '../suggestions/published-suggestion.ts';

export const MAX_SIMILAR = 5;
// A long text gives hundreds of tokens; the first ones carry the topic, and a
// bounded tsquery keeps the query cheap.
const MAX_QUERY_TOKENS = 40;

export type SimilarSuggestion = { id: number; summary: string; status: string; supporters: number };

/**
 * The content words of what someone is typing, as themes read them (jieba
 * words of two characters or more, without 建议, 学校, 希望…, which match
 * nearly every suggestion and rank nothing).
 */
export function contentTokens(text: string): string[] {
  return contentWords(normalizeText(text)).slice(0, MAX_QUERY_TOKENS);
}

/**
 * Up to five published suggestions of the same plan whose indexed words
 * share the most with the typed text (decision 040's index: an OR of the
 * content tokens, ranked by ts_rank). Returns only what the public may see:
 * the moderator's summary, the decision and the supporter count.
 */
export async function findSimilarPublished(db: Database, planId: number, text: string): Promise<SimilarSuggestion[]> {
  const tokens = contentTokens(text);
  if (tokens.length === 0) return [];
  const query = tokens.map(quoteLexeme).join(' | ');
  const rank = sql<number>`ts_rank(${suggestionSearch.searchVector}, ${query}::tsquery)`;
  const rows = await db
    .select({
      id: suggestions.id,
      summary: suggestions.publicSummary,
      status: suggestions.status,
      supporters: supportCount,
    })
    .from(suggestionSearch)
    .innerJoin(suggestions, eq(suggestions.id, suggestionSearch.suggestionId))
    .where(
      and(eq(suggestions.planId, planId), isPublished(), sql`${suggestionSearch.searchVector} @@ ${query}::tsquery`),
    )
    .orderBy(desc(rank), suggestions.id)
    .limit(MAX_SIMILAR);
  return rows.map((row) => ({ ...row, summary: (row.summary ?? '').trim() }));
}
