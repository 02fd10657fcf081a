import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { JOBS_SCHEMA, QUEUES } from '../jobs/queues.ts';
import { enrichSuggestion } from './enrich-suggestion.server.ts';
import { INDEX_VERSION } from '../search/segment.ts';

/**
 * The suggestions the search sweep would enrich, at most `limit`: those never
 * enriched (their job was deleted, or they predate the jobs), oldest first,
 * then those whose search row another segmenter version built. A suggestion
 * whose job is still waiting, running or retrying is left to it.
 *
 * Each part reads an index range and stops at `limit`, so a run costs the
 * same at a thousand rows or a million (decision 083): `enriched_at is null`
 * is the partial index `suggestions_unenriched_idx`, and "another version" is
 * the two ranges below and above the current one in `suggestion_search_version_idx`.
 */
export function sweepCandidatesQuery(limit: number) {
  const waitingJob = (id: ReturnType<typeof sql>) => sql`exists (
    select 1 from ${sql.identifier(JOBS_SCHEMA)}.job j
    where j.name = ${QUEUES.enrichSuggestion} and j.state < 'completed' and (j.data->>'suggestionId')::bigint = ${id})`;
  return sql`
    (select s.id from suggestions s
      where s.enriched_at is null and not ${waitingJob(sql`s.id`)}
      order by s.id limit ${limit})
    union all
    (select ss.suggestion_id from suggestion_search ss
      where ss.index_version < ${INDEX_VERSION} and not ${waitingJob(sql`ss.suggestion_id`)} limit ${limit})
    union all
    (select ss.suggestion_id from suggestion_search ss
      where ss.index_version > ${INDEX_VERSION} and not ${waitingJob(sql`ss.suggestion_id`)} limit ${limit})
    limit ${limit}`;
}

/**
 * The safety net behind the `suggestion-enrich` jobs. The end of a
 * suggestion's enrichment (search row, links and proposal, one transaction)
 * sets `enriched_at`, so a set `enriched_at` means the whole enrichment is done.
 */
export async function enrichMissing(db: Database, { limit = 500 }: { limit?: number } = {}): Promise<number> {
  const pending = await db.execute<{ id: string | number }>(sweepCandidatesQuery(limit));
  const ids = [...new Set(pending.map((row) => Number(row.id)))];
  for (const id of ids) await enrichSuggestion(db, id);
  return ids.length;
}
