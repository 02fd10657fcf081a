import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { suggestionContentWords, suggestionFingerprints, suggestions } from '../../../db/schema/index.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { distinctSubmittersOfCluster } from '../contacts/distinct-submitters.server.ts';
import { NotFound } from '../not-found.ts';
import { normalizeText } from '../text/normalize.ts';
import { bestMatches, containment } from './align.ts';
import { planWeights } from './content-words.server.ts';
import { letterSentences, type LetterSentence } from './sentences.ts';

// The campaign view (decision 032): one representative text, how many copies
// and how many distinct people sent them, and for each copy only what it adds.

export const CAMPAIGN_PAGE_SIZE = 50;
// A copy's sentence is an addition unless a sentence of the representative
// aligns with it (the cosine that links letters) or holds half its
// content-word weight. A looser cosine (0.3) was tried: a short title of
// common words (「反对撤并北区食堂」) then hid a real new point (外卖自提柜).
// The cost is the other way: in a young plan, whose IDF weights are noisy, a
// paraphrase of a shared point can show as an addition (decision 032).
const COVERED = 0.5;
// The representative is chosen among the group's first copies (by id): enough
// to find a typical one, bounded however large the group is.
const MEDOID_SAMPLE = 50;

/**
 * The copy most typical of the group: the one whose sentences the others share
 * most and that shares most of theirs (a medoid). The copy that adds a point
 * of its own is not chosen, so its addition stays visible as an addition.
 */
async function medoid(db: Database, { planId, inCluster }: { planId: number; inCluster: SQL | undefined }) {
  const sample = await db
    .select({ id: suggestionContentWords.suggestionId, sentences: suggestionContentWords.sentences })
    .from(suggestionFingerprints)
    .innerJoin(suggestionContentWords, eq(suggestionContentWords.suggestionId, suggestionFingerprints.suggestionId))
    .where(inCluster)
    .orderBy(asc(suggestionFingerprints.suggestionId))
    .limit(MEDOID_SAMPLE);
  const [first] = await db
    .select({ id: suggestionFingerprints.suggestionId })
    .from(suggestionFingerprints)
    .where(inCluster)
    .orderBy(asc(suggestionFingerprints.suggestionId))
    .limit(1);
  if (sample.length < 2) return sample[0]?.id ?? first!.id;
  const weight = await planWeights(
    db,
    planId,
    sample.flatMap((c) => c.sentences.flatMap((x) => x.words)),
  );
  const share = (a: LetterSentence[], b: LetterSentence[]) =>
    a.length ? bestMatches(a, b, weight).filter((m) => m >= 0).length / a.length : 0;
  let best = sample[0]!;
  let bestScore = -1;
  for (const c of sample) {
    let score = 0;
    for (const o of sample) if (o !== c) score += share(c.sentences, o.sentences) + share(o.sentences, c.sentences);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best.id;
}

// Sentence ends in the text as written (full-width or half-width).
const ORIGINAL_SENTENCE_END = /(?<=[。！？；!?;\n])/u;

/** The sentences of a text as the submitter wrote them, each with its alignment form (none for a greeting). */
function originalSentences(text: string): { text: string; aligned?: LetterSentence }[] {
  return text
    .split(ORIGINAL_SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s))
    .map((s) => ({ text: s, aligned: letterSentences(normalizeText(s))[0] }));
}

/**
 * One group of linked suggestions in a plan, for moderators. The cluster is
 * looked up by plan and cluster id together: a cluster id from another plan
 * is not found. Distinct submitters are counted by the contacts module from
 * blind indexes, so no contact detail is read or shown.
 */
export async function campaignView(
  db: Database,
  { viewer, planId, clusterId, after }: { viewer: Actor; planId: number; clusterId: number; after?: number },
) {
  assertPermission(viewer, 'read:suggestion:any');
  const inCluster = and(eq(suggestionFingerprints.planId, planId), eq(suggestionFingerprints.clusterId, clusterId));
  const [counted] = await db
    .select({
      copies: sql<number>`count(*)::int`,
      undecided: sql<number>`(count(*) filter (where ${suggestions.status} in ('received', 'in_review')))::int`,
      // The category most copies have (pre-filled or chosen): the group form offers it first.
      category: sql<number | null>`mode() within group (order by ${suggestions.categoryId})`,
    })
    .from(suggestionFingerprints)
    .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
    .where(inCluster);
  if (!counted || counted.copies === 0) throw new NotFound('campaign');
  const submitters = await distinctSubmittersOfCluster(db, { planId, clusterId });

  const fields = {
    id: suggestions.id,
    trackingCode: suggestions.trackingCode,
    title: suggestions.title,
    body: suggestions.body,
    status: suggestions.status,
    channel: suggestions.channel,
    submittedAt: suggestions.submittedAt,
  };
  const representativeId = await medoid(db, { planId, inCluster });
  const [representative] = await db.select(fields).from(suggestions).where(eq(suggestions.id, representativeId));
  const copies = await db
    .select(fields)
    .from(suggestionFingerprints)
    .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
    .where(and(inCluster, after ? gt(suggestions.id, after) : undefined))
    .orderBy(asc(suggestions.id))
    .limit(CAMPAIGN_PAGE_SIZE + 1);
  const page = copies.slice(0, CAMPAIGN_PAGE_SIZE);

  const repSentences = originalSentences(`${representative!.title}\n${representative!.body}`).flatMap((s) =>
    s.aligned ? [s.aligned] : [],
  );
  // A copy's own title is shown with it; what it adds is read in its body.
  const pageSentences = page.map((c) => originalSentences(c.body));
  const words = new Set(repSentences.flatMap((s) => s.words));
  for (const list of pageSentences) for (const s of list) for (const w of s.aligned?.words ?? []) words.add(w);
  const weight = await planWeights(db, planId, words);
  const rows = page.map((copy, i) => {
    const own = pageSentences[i]!.filter((s) => s.aligned);
    const aligned = bestMatches(
      own.map((s) => s.aligned!),
      repSentences,
      weight,
    );
    const covered = own.map(
      (s, j) => aligned[j]! >= 0 || repSentences.some((r) => containment(s.aligned!.words, r.words, weight) >= COVERED),
    );
    return {
      ...copy,
      representative: copy.id === representative!.id,
      additions: copy.id === representative!.id ? [] : own.filter((_, j) => !covered[j]).map((s) => s.text),
    };
  });
  return {
    planId,
    clusterId,
    copies: counted.copies,
    submitters,
    undecided: counted.undecided,
    category: counted.category,
    representative: representative!,
    rows,
    next: copies.length > CAMPAIGN_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}
