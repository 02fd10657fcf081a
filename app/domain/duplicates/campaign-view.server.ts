import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { suggestionContentWords, suggestionFingerprints, suggestions } from '../../../db/schema/index.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { distinctSubmittersOfCluster } from '../contacts/distinct-submitters.server.ts';
import { ModerationError } from '../moderation/guard.ts';
import { normalizeText } from '../search/normalize.ts';
import { bestMatches } from './align.ts';
import { planWeights } from './content-words.server.ts';
import { letterSentences, type LetterSentence } from './sentences.ts';

// The campaign view (decision 032): one representative text, how many copies
// and how many distinct people sent them, and for each copy only what it adds.

export const CAMPAIGN_PAGE_SIZE = 50;

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
    })
    .from(suggestionFingerprints)
    .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
    .where(inCluster);
  if (!counted || counted.copies === 0) throw new ModerationError('not_found');
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
  // The representative: the earliest of the copies that make the most points
  // (a full copy, not one that dropped its optional sentences).
  const [representative] = await db
    .select(fields)
    .from(suggestionFingerprints)
    .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
    .leftJoin(suggestionContentWords, eq(suggestionContentWords.suggestionId, suggestions.id))
    .where(inCluster)
    .orderBy(
      desc(sql`coalesce(jsonb_array_length(${suggestionContentWords.sentences}), 0)`),
      asc(suggestions.submittedAt),
      asc(suggestions.id),
    )
    .limit(1);
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
    const matches = bestMatches(
      own.map((s) => s.aligned!),
      repSentences,
      weight,
    );
    return {
      ...copy,
      representative: copy.id === representative!.id,
      additions: copy.id === representative!.id ? [] : own.filter((_, j) => matches[j]! < 0).map((s) => s.text),
    };
  });
  return {
    planId,
    clusterId,
    copies: counted.copies,
    submitters,
    undecided: counted.undecided,
    representative: representative!,
    rows,
    next: copies.length > CAMPAIGN_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}
