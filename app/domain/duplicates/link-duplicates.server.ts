import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { suggestionFingerprints, suggestions, suggestionSimilarities } from '../../../db/schema/index.ts';
import { fingerprint, jaccard } from './fingerprint.ts';

/** Jaccard similarity of shingle sets from which two suggestions count as near-duplicates (measured: README, decision 041). */
export const SIMILAR_THRESHOLD = 0.4;
// Candidates checked exactly, most shared bands first. A campaign of 500 copies
// needs only a few of them to join the cluster; the rest are already linked.
const MAX_CANDIDATES = 40;

type Source = { id: number; planId: number; title: string; body: string };

/**
 * Compares a suggestion with the others of its plan, stores its similar pairs
 * with their scores, and joins it to (and merges) their clusters. Idempotent:
 * run again after a text change or by the backfill.
 */
export async function linkNearDuplicates(db: DbExecutor, source: Source) {
  const { shingles, bands } = fingerprint(source.title, source.body);
  await db.delete(suggestionSimilarities).where(eq(suggestionSimilarities.similarId, source.id));
  await db.delete(suggestionSimilarities).where(eq(suggestionSimilarities.suggestionId, source.id));
  const candidates =
    bands.length === 0
      ? []
      : await db
          .select({
            id: suggestionFingerprints.suggestionId,
            clusterId: suggestionFingerprints.clusterId,
            title: suggestions.title,
            body: suggestions.body,
          })
          .from(suggestionFingerprints)
          .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
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
    .map((c) => ({ ...c, score: jaccard(shingles, fingerprint(c.title, c.body).shingles) }))
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
