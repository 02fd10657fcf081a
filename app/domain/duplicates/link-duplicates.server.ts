import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { suggestionFingerprints, suggestionSearch, suggestionSimilarities } from '../../../db/schema/index.ts';
import { fingerprintNormalized, jaccard } from './fingerprint.ts';

/** Jaccard similarity of shingle sets from which two suggestions count as near-duplicates (measured: README, decision 041). */
export const SIMILAR_THRESHOLD = 0.4;
// Candidates checked exactly, most shared bands first. A campaign of 500 copies
// needs only a few of them to join the cluster; the rest are already linked.
const MAX_CANDIDATES = 40;

// searchText: the suggestion's normalized text as indexed for search (written first).
type Source = { id: number; planId: number; searchText: string };

/**
 * Compares a suggestion with the others of its plan, stores its similar pairs
 * with their scores, and joins it to (and merges) their clusters. Idempotent:
 * run again after a text change or by the backfill.
 */
export async function linkNearDuplicates(db: DbExecutor, source: Source) {
  const { shingles, bands } = fingerprintNormalized(source.searchText);
  await db.delete(suggestionSimilarities).where(eq(suggestionSimilarities.similarId, source.id));
  await db.delete(suggestionSimilarities).where(eq(suggestionSimilarities.suggestionId, source.id));
  const candidates =
    bands.length === 0
      ? []
      : await db
          .select({
            id: suggestionFingerprints.suggestionId,
            clusterId: suggestionFingerprints.clusterId,
            searchText: suggestionSearch.searchText,
          })
          .from(suggestionFingerprints)
          .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestionFingerprints.suggestionId))
          .where(
            and(
              eq(suggestionFingerprints.planId, source.planId),
              ne(suggestionFingerprints.suggestionId, source.id),
              sql`${suggestionFingerprints.bands} && ${sql.param(bands)}::int[]`,
            ),
          )
          .orderBy(
            sql`cardinality(array(select unnest(${suggestionFingerprints.bands}) intersect select unnest(${sql.param(bands)}::int[]))) desc`,
            suggestionFingerprints.suggestionId,
          )
          .limit(MAX_CANDIDATES);
  const similar = candidates
    .map((c) => ({ ...c, score: jaccard(shingles, fingerprintNormalized(c.searchText).shingles) }))
    .filter((c) => c.score >= SIMILAR_THRESHOLD);

  const clusters = [...new Set(similar.map((c) => c.clusterId))];
  const clusterId = Math.min(source.id, ...clusters);
  await db
    .insert(suggestionFingerprints)
    .values({ suggestionId: source.id, planId: source.planId, bands, clusterId })
    .onConflictDoUpdate({
      target: suggestionFingerprints.suggestionId,
      set: { bands, clusterId, planId: source.planId },
    });
  const merged = clusters.filter((c) => c !== clusterId);
  if (merged.length > 0)
    await db
      .update(suggestionFingerprints)
      .set({ clusterId })
      .where(and(eq(suggestionFingerprints.planId, source.planId), inArray(suggestionFingerprints.clusterId, merged)));
  if (similar.length > 0)
    await db
      .insert(suggestionSimilarities)
      .values(
        similar.map((c) => ({
          suggestionId: Math.min(c.id, source.id),
          similarId: Math.max(c.id, source.id),
          score: Math.round(c.score * 1000) / 1000,
        })),
      )
      .onConflictDoUpdate({
        target: [suggestionSimilarities.suggestionId, suggestionSimilarities.similarId],
        set: { score: sql`excluded.score` },
      });
  return { clusterId, similar: similar.map((c) => ({ id: c.id, score: c.score })) };
}
