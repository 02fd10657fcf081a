import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { planTermCounts, suggestionContentWords } from '../../../db/schema/index.ts';
import type { Weight } from './align.ts';
import { fnv1a } from './fingerprint.ts';
import { letterSentences, type LetterSentence } from './sentences.ts';

// The stored side of sentence alignment (decision 031): a suggestion's
// sentences, its content-word hashes (GIN), and the plan's document counts
// per word for IDF weights.

// Term 0 counts the plan's documents, so a word's hash never is 0.
const DOCUMENTS = 0;
export const termOf = (word: string) => fnv1a(word) | 0 || 1;

// The rarest words shared with someone else pick the candidates: a rare word
// that two letters share says more than a common one, and the GIN lookup of
// a few rare words stays small however large the plan grows.
const QUERY_TERMS = 8;
const FETCHED = 200;
const COMPARED = 40;

export type StoredLetter = { id: number; sentences: LetterSentence[]; terms: number[] };

/** Stores (or replaces) a suggestion's sentences and updates the plan's word counts. */
export async function recordContentWords(
  db: DbExecutor,
  { id, planId, normalized }: { id: number; planId: number; normalized: string },
) {
  const sentences = letterSentences(normalized);
  const terms = [...new Set(sentences.flatMap((s) => s.words).map(termOf))].sort((a, b) => a - b);
  const [old] = await db
    .select({ terms: suggestionContentWords.terms, planId: suggestionContentWords.planId })
    .from(suggestionContentWords)
    .where(eq(suggestionContentWords.suggestionId, id));
  // A re-run (or reindex) first takes back what the earlier run counted.
  if (old)
    await db
      .update(planTermCounts)
      .set({ documents: sql`${planTermCounts.documents} - 1` })
      .where(and(eq(planTermCounts.planId, old.planId), inArray(planTermCounts.term, [DOCUMENTS, ...old.terms])));
  await db
    .insert(suggestionContentWords)
    .values({ suggestionId: id, planId, terms, sentences })
    .onConflictDoUpdate({ target: suggestionContentWords.suggestionId, set: { planId, terms, sentences } });
  await db.execute(sql`
    insert into plan_term_counts (plan_id, term, documents)
    select ${planId}::int, t, 1 from unnest(${sql.param([DOCUMENTS, ...terms])}::int[]) as t
    on conflict (plan_id, term) do update set documents = plan_term_counts.documents + 1`);
  return { sentences, terms };
}

/**
 * IDF weights of the given words in the plan (smoothed: a word in every letter
 * still weighs 1), and the plan's letter count they were computed from.
 */
export async function planWeights(
  db: DbExecutor,
  planId: number,
  words: Iterable<string>,
): Promise<Weight & { documents: number }> {
  const byWord = new Map<string, number>();
  for (const w of words) byWord.set(w, termOf(w));
  const rows = await db
    .select({ term: planTermCounts.term, documents: planTermCounts.documents })
    .from(planTermCounts)
    .where(and(eq(planTermCounts.planId, planId), inArray(planTermCounts.term, [DOCUMENTS, ...byWord.values()])));
  const counts = new Map(rows.map((r) => [r.term, r.documents]));
  const n = counts.get(DOCUMENTS) ?? 0;
  const weight: Weight = (word) => Math.log((n + 1) / ((counts.get(byWord.get(word) ?? termOf(word)) ?? 0) + 1)) + 1;
  return Object.assign(weight, { documents: n });
}

/** How many letters of the plan have their content words counted. */
export async function planDocumentCount(db: DbExecutor, planId: number) {
  const [row] = await db
    .select({ documents: planTermCounts.documents })
    .from(planTermCounts)
    .where(and(eq(planTermCounts.planId, planId), eq(planTermCounts.term, DOCUMENTS)));
  return row?.documents ?? 0;
}

/** Up to 40 letters of the plan sharing the most content words with this one, found through its rarest shared words. */
export async function contentCandidates(
  db: DbExecutor,
  { id, planId, terms }: { id: number; planId: number; terms: number[] },
): Promise<StoredLetter[]> {
  if (terms.length === 0) return [];
  const counts = await db
    .select({ term: planTermCounts.term, documents: planTermCounts.documents })
    .from(planTermCounts)
    .where(and(eq(planTermCounts.planId, planId), inArray(planTermCounts.term, terms)));
  const query = counts
    .filter((c) => c.documents >= 2)
    .sort((a, b) => a.documents - b.documents || a.term - b.term)
    .slice(0, QUERY_TERMS)
    .map((c) => c.term);
  if (query.length === 0) return [];
  const rows = await db
    .select({
      id: suggestionContentWords.suggestionId,
      sentences: suggestionContentWords.sentences,
      terms: suggestionContentWords.terms,
    })
    .from(suggestionContentWords)
    .where(
      and(
        eq(suggestionContentWords.planId, planId),
        ne(suggestionContentWords.suggestionId, id),
        sql`${suggestionContentWords.terms} && ${sql.param(query)}::int[]`,
      ),
    )
    .limit(FETCHED);
  const own = new Set(terms);
  const overlap = (r: { terms: number[] }) => r.terms.filter((t) => own.has(t)).length;
  return rows
    .map((r) => ({ ...r, shared: overlap(r) }))
    .sort((a, b) => b.shared - a.shared || a.id - b.id)
    .slice(0, COMPARED);
}
