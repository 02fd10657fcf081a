import { asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { suggestions, suggestionSearch } from '../../../db/schema/index.ts';
import { JOBS_SCHEMA, QUEUES } from '../jobs/queues.ts';
import { enrichSuggestion } from './enrich-suggestion.server.ts';
import { INDEX_VERSION } from '../search/segment.ts';

/**
 * The safety net behind the `suggestion-enrich` jobs: enriches suggestions
 * that have no search row (their job was deleted, or they predate the jobs)
 * or one built by another segmenter version, oldest first, at most `limit`.
 * A suggestion whose job is still waiting, running or retrying is left to it.
 * A suggestion's search row is written in the same transaction as its links
 * and proposal, so a search row means the whole enrichment is done.
 */
export async function enrichMissing(db: Database, { limit = 500 }: { limit?: number } = {}): Promise<number> {
  const pending = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .leftJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestions.id))
    .where(
      sql`(${or(isNull(suggestionSearch.suggestionId), ne(suggestionSearch.indexVersion, INDEX_VERSION))}) and not exists (
        select 1 from ${sql.identifier(JOBS_SCHEMA)}.job j
        where j.name = ${QUEUES.enrichSuggestion} and j.state < 'completed' and (j.data->>'suggestionId')::bigint = ${suggestions.id})`,
    )
    .orderBy(asc(suggestions.id))
    .limit(limit);
  for (const { id } of pending) await enrichSuggestion(db, id);
  return pending.length;
}
