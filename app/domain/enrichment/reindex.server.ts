import { asc, eq, gt, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import {
  planTermCounts,
  suggestionContentWords,
  suggestionFingerprints,
  suggestions,
  suggestionSearch,
  suggestionSimilarities,
} from '../../../db/schema/index.ts';
import { linkNearDuplicates } from '../duplicates/link-duplicates.server.ts';
import { indexSuggestions } from '../search/index-suggestion.server.ts';
import { INDEX_VERSION } from '../search/segment.ts';

/** Rebuilds everything derived from a suggestion's text (search index, near-duplicate fingerprints). */
export async function reindexSuggestions(db: DbExecutor, ids: number[]) {
  if (ids.length === 0) return;
  await indexSuggestions(db, ids);
  const rows = await db
    .select({ id: suggestions.id, planId: suggestions.planId, searchText: suggestionSearch.searchText })
    .from(suggestions)
    .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestions.id))
    .where(inArray(suggestions.id, ids))
    .orderBy(asc(suggestions.id));
  for (const row of rows) await linkNearDuplicates(db, row);
}

/**
 * Re-indexes every suggestion (or only those missing or built by another
 * index version), in batches by id so that memory stays flat and a large
 * table never sits in one transaction. Returns how many were rewritten.
 */
export async function reindexAll(
  db: DbExecutor,
  {
    onlyStale = false,
    batchSize = 200,
    onProgress,
  }: { onlyStale?: boolean; batchSize?: number; onProgress?: (n: number) => void } = {},
) {
  let after = 0;
  let total = 0;
  // A full rebuild starts the clusters afresh (linking only ever merges them):
  // until it is done, similar lists are incomplete.
  if (!onlyStale) {
    await db.delete(suggestionSimilarities);
    await db.delete(suggestionFingerprints);
    await db.delete(suggestionContentWords);
    await db.delete(planTermCounts);
  }
  for (;;) {
    const batch = await db
      .select({ id: suggestions.id, version: suggestionSearch.indexVersion })
      .from(suggestions)
      .leftJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestions.id))
      .where(gt(suggestions.id, after))
      .orderBy(asc(suggestions.id))
      .limit(batchSize);
    if (batch.length === 0) return total;
    after = batch.at(-1)!.id;
    const ids = batch.filter((r) => !onlyStale || r.version !== INDEX_VERSION).map((r) => r.id);
    await reindexSuggestions(db, ids);
    total += ids.length;
    onProgress?.(total);
  }
}
