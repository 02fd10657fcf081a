import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { enrichSuggestion } from '../../app/domain/enrichment/enrich-suggestion.server.ts';
import {
  planTermCounts,
  suggestionContentWords,
  suggestionFingerprints,
  suggestionSimilarities,
} from '../../db/schema/index.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import {
  mailCorpus,
  measureCorpus,
  readCorpus,
  readGroups,
  settleGroups,
  writeReport,
} from './helpers/campaign-eval.ts';

// Groups must not depend on the order in which letters are enriched. The
// worker enriches a burst in whatever order its jobs are fetched, and links
// are made with the plan's weights of that moment: before settling (decision
// 044), an opposing clinic letter joined its campaign in one order of the
// development set and not in another, and the end-to-end triage journey failed
// on CI. Here the development set is enriched again from nothing in three
// shuffled orders (seeded, so a failure replays), then settled as the worker
// does once the mail has stopped, and measured as campaign-eval.test.ts
// measures it.

const database = setupTestDatabase();
const corpus = readCorpus('labels.json');
let planId = 0;
let inArrivalOrder: string[][] = [];

/** The groups as sets of files, in a canonical order: what a moderator sees, whatever the ids. */
const partition = () => {
  const groups = new Map<number, string[]>();
  for (const [file, clusterId] of corpus.clusterOf) groups.set(clusterId, [...(groups.get(clusterId) ?? []), file]);
  return [...groups.values()].map((files) => files.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
};

beforeAll(async () => {
  planId = (await mailCorpus(database, corpus, 'mail')).id;
  inArrivalOrder = partition();
}, 600_000);

/** A seeded Fisher–Yates shuffle (a linear congruential generator: replayable, not random enough for anything else). */
function shuffled(ids: number[], seed: number) {
  const order = [...ids];
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

async function enrichFromNothingIn(order: number[]) {
  await database.db.delete(suggestionSimilarities).where(inArray(suggestionSimilarities.suggestionId, order));
  await database.db.delete(suggestionFingerprints).where(eq(suggestionFingerprints.planId, planId));
  await database.db.delete(suggestionContentWords).where(eq(suggestionContentWords.planId, planId));
  await database.db.delete(planTermCounts).where(eq(planTermCounts.planId, planId));
  for (const id of order) await enrichSuggestion(database.db, id);
  await settleGroups(database, planId);
  await readGroups(database, corpus, planId);
}

for (const seed of [4, 6, 10]) {
  test(`enriched in shuffled order ${seed} and settled: groups as in arrival order, no opposing letter merged`, async () => {
    await enrichFromNothingIn(shuffled([...corpus.idOf.values()], seed));
    const m = await measureCorpus(database, corpus);
    writeReport(`campaign-eval-order-${seed}`, { campaigns: m });

    // Measured on orders 4, 6 and 10: precision 1, recall 0.987, as in arrival
    // order. Before decision 044 the same orders gave recall 0.967 to 0.975,
    // and order 6 merged the opposing clinic letter 064.eml (precision 0.988).
    // Settled at the plan's final weights once the mail stopped (decision 045), the groups are the same sets of letters as in arrival order.
    expect(partition()).toEqual(inArrivalOrder);
    expect(m.groups.precision).toBeGreaterThanOrEqual(1);
    expect(m.groups.recall).toBeGreaterThanOrEqual(0.98);
    expect(m.trapsMerged).toEqual([]);
    for (const [g, share] of Object.entries(m.shareInLargestGroup)) expect(share, g).toBeGreaterThanOrEqual(0.96);
  }, 300_000);
}
