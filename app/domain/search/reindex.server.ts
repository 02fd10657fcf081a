import { asc, eq, gt } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { suggestions, suggestionSearch } from '../../../db/schema/index.ts';
import { indexSuggestions } from './index-suggestion.server.ts';
import { INDEX_VERSION } from './segment.ts';

/** Rebuilds everything derived from a suggestion's text (search index, near-duplicate fingerprints). */
export async function reindexSuggestions(db: DbExecutor, ids: number[]) {
  await indexSuggestions(db, ids);
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
