import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import {
  suggestionContentWords,
  suggestionFingerprints,
  suggestionSearch,
  suggestionSimilarities,
} from '../../../db/schema/index.ts';
import { alignLetters, linksBySentences } from './align.ts';
import { contentCandidates, planWeights, recordContentWords, type StoredLetter } from './content-words.server.ts';
import { fingerprintNormalized, jaccard, shingles as shingleSet, similarityText } from './fingerprint.ts';

/** Jaccard similarity of shingle sets from which two suggestions count as near-duplicates (measured: README, decision 041). */
export const SIMILAR_THRESHOLD = 0.4;
// Candidates checked exactly, most shared bands first. A campaign of 500 copies
// needs only a few of them to join the cluster; the rest are already linked.
const MAX_CANDIDATES = 40;

// searchText: the suggestion's normalized text as indexed for search (written first).
type Source = { id: number; planId: number; searchText: string };

/**
 * Compares a suggestion with the others of its plan, stores its similar pairs
 * with their scores, and joins it to (and merges) their clusters. Two methods
 * link a pair (decision 031): bigram Jaccard (edited copies) and sentence
 * alignment (paraphrased copies). Either is vetoed when aligned sentences take
 * opposite stances: an opposing letter that reuses a campaign's words stays
 * apart. Idempotent: run again after a text change or by the backfill.
 */
export async function linkNearDuplicates(db: DbExecutor, source: Source) {
  const { shingles, bands } = fingerprintNormalized(source.searchText);
  // Linked again (a text change, a settling pass): the letters it is linked
  // with are checked again with the others. Candidates are found from this
  // letter's rarest words, and a later copy that found this one through its
  // own words would otherwise lose its link here (decision 044).
  const partners = await linkedPartners(db, source.id);
  await db.delete(suggestionSimilarities).where(eq(suggestionSimilarities.similarId, source.id));
  await db.delete(suggestionSimilarities).where(eq(suggestionSimilarities.suggestionId, source.id));
  const found = bands.length === 0 ? [] : await bandCandidates(db, source, bands);
  const candidates = [...found, ...partners.filter((p) => !found.some((c) => c.id === p.id))];
  const own = await recordContentWords(db, { id: source.id, planId: source.planId, normalized: source.searchText });
  const byWords = await contentCandidates(db, { id: source.id, planId: source.planId, terms: own.terms });
  const byMeaning = [
    ...byWords,
    ...partners.flatMap((p) => (p.letter && !byWords.some((c) => c.id === p.id) ? [p.letter] : [])),
  ];
  const letters = new Map<number, StoredLetter>(byMeaning.map((c) => [c.id, c]));
  const shingleIds = candidates.map((c) => c.id).filter((id) => !letters.has(id));
  if (shingleIds.length > 0)
    for (const r of await db
      .select({
        id: suggestionContentWords.suggestionId,
        sentences: suggestionContentWords.sentences,
        terms: suggestionContentWords.terms,
      })
      .from(suggestionContentWords)
      .where(inArray(suggestionContentWords.suggestionId, shingleIds)))
      letters.set(r.id, r);
  const words = new Set(own.sentences.flatMap((s) => s.words));
  for (const l of letters.values()) for (const s of l.sentences) for (const w of s.words) words.add(w);
  const weight = await planWeights(db, source.planId, words);
  const alignment = (id: number) => {
    const other = letters.get(id);
    return other ? alignLetters(own.sentences, other.sentences, weight) : undefined;
  };

  const similar: { id: number; clusterId: number; score: number; method: 'shingle' | 'sentences' }[] = [];
  for (const c of candidates) {
    // Only the candidate's shingles: its MinHash bands are stored, and hashing them again cost most of this loop.
    const score = jaccard(shingles, shingleSet(similarityText(c.searchText)));
    if (score < SIMILAR_THRESHOLD) continue;
    const a = alignment(c.id);
    if (a && a.conflicts > 0) continue;
    similar.push({ id: c.id, clusterId: c.clusterId, score, method: 'shingle' });
  }
  const meaningIds = byMeaning.map((c) => c.id).filter((id) => !similar.some((s) => s.id === id));
  const clusterOf = await clusterIds(db, meaningIds);
  for (const id of meaningIds) {
    const a = alignment(id)!;
    const clusterId = clusterOf.get(id);
    if (clusterId === undefined || !linksBySentences(a)) continue;
    similar.push({ id, clusterId, score: a.coverage, method: 'sentences' });
  }

  const clusters = [...new Set(similar.map((c) => c.clusterId))];
  const clusterId = Math.min(source.id, ...clusters);
  await db
    .insert(suggestionFingerprints)
    .values({ suggestionId: source.id, planId: source.planId, bands, clusterId, linkedAtDocuments: weight.documents })
    .onConflictDoUpdate({
      target: suggestionFingerprints.suggestionId,
      set: { bands, clusterId, planId: source.planId, linkedAtDocuments: weight.documents },
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
          method: c.method,
        })),
      )
      .onConflictDoUpdate({
        target: [suggestionSimilarities.suggestionId, suggestionSimilarities.similarId],
        set: { score: sql`excluded.score`, method: sql`excluded.method` },
      });
  return {
    clusterId,
    similar: similar.map((c) => ({ id: c.id, score: c.score, method: c.method })),
    // The plan's letter count the links were made against.
    documents: weight.documents,
  };
}

/**
 * The suggestions of the plan that share a MinHash band, most shared bands
 * first, at most MAX_CANDIDATES, with their indexed text. The text is read for
 * the chosen few only: joined before the limit, every overlapping row's text
 * was read (a hash join over the plan's search rows) to keep forty (decision 088).
 */
async function bandCandidates(db: DbExecutor, source: Source, bands: number[]) {
  const chosen = db
    .select({
      id: suggestionFingerprints.suggestionId,
      clusterId: suggestionFingerprints.clusterId,
      // Bands shared with the source: counted by a scan of the 32 keys rather than
      // an INTERSECT, whose hash table per row cost three times as much (decision 088).
      // Only the order of the candidates depends on it; each is then compared exactly.
      shared:
        sql<number>`(select count(*) from unnest(${suggestionFingerprints.bands}) b where b = any(${sql.param(bands)}::int[]))`.as(
          'shared',
        ),
    })
    .from(suggestionFingerprints)
    .where(
      and(
        eq(suggestionFingerprints.planId, source.planId),
        ne(suggestionFingerprints.suggestionId, source.id),
        sql`${suggestionFingerprints.bands} && ${sql.param(bands)}::int[]`,
      ),
    )
    .orderBy(sql`shared desc`, suggestionFingerprints.suggestionId)
    .limit(MAX_CANDIDATES)
    .as('chosen');
  return db
    .select({ id: chosen.id, clusterId: chosen.clusterId, searchText: suggestionSearch.searchText })
    .from(chosen)
    .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, chosen.id))
    .orderBy(sql`${chosen.shared} desc`, chosen.id);
}

/** The letters this one is linked with now, with what both comparisons need. */
async function linkedPartners(db: DbExecutor, id: number) {
  const rows = await db
    .select({
      id: suggestionFingerprints.suggestionId,
      clusterId: suggestionFingerprints.clusterId,
      searchText: suggestionSearch.searchText,
      sentences: suggestionContentWords.sentences,
      terms: suggestionContentWords.terms,
    })
    .from(suggestionSimilarities)
    .innerJoin(
      suggestionFingerprints,
      sql`${suggestionFingerprints.suggestionId} = case when ${suggestionSimilarities.suggestionId} = ${id} then ${suggestionSimilarities.similarId} else ${suggestionSimilarities.suggestionId} end`,
    )
    .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestionFingerprints.suggestionId))
    .leftJoin(suggestionContentWords, eq(suggestionContentWords.suggestionId, suggestionFingerprints.suggestionId))
    .where(or(eq(suggestionSimilarities.suggestionId, id), eq(suggestionSimilarities.similarId, id)));
  return rows.map((r) => ({
    id: r.id,
    clusterId: r.clusterId,
    searchText: r.searchText,
    letter: r.sentences && r.terms ? { id: r.id, sentences: r.sentences, terms: r.terms } : undefined,
  }));
}

async function clusterIds(db: DbExecutor, ids: number[]) {
  if (ids.length === 0) return new Map<number, number>();
  const rows = await db
    .select({ id: suggestionFingerprints.suggestionId, clusterId: suggestionFingerprints.clusterId })
    .from(suggestionFingerprints)
    .where(inArray(suggestionFingerprints.suggestionId, ids));
  return new Map(rows.map((r) => [r.id, r.clusterId]));
}
