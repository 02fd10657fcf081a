import { forgetModels } from '../../app/domain/categorize/classifier.server.ts';
import { proposeFor } from '../../app/domain/categorize/propose.server.ts';
import { linkNearDuplicates } from '../../app/domain/duplicates/link-duplicates.server.ts';
import { searchRowWithTokens } from '../../app/domain/search/index-suggestion.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import type { Database, Transaction } from '../../db/client.server.ts';
import type { Corpus } from '../corpus/seed.ts';
import { campaignCopy, pick, prng, suggestionText } from '../corpus/texts.ts';
import { percentile, round, timed } from './stats.ts';

// Figure 6: what one new suggestion costs in a plan of this size, measured
// in this process on the product's functions, each inside a transaction that
// is rolled back (the corpus stays as seeded):
// - submit: submitSuggestion as every channel calls it;
// - enrichment: the near-duplicate lookup and the category/tag proposal of
//   the same text (wherever they run: in the request today, a job later).
// "cold" forgets the cached classifier models first (their training is what
// the next request after a model expiry pays); "warm" is the median of 10.

class Rollback extends Error {}

async function rolledBack<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  let value: T | undefined;
  await db
    .transaction(async (tx) => {
      value = await work(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return value!;
}

export async function submissionCost(db: Database, corpus: Corpus) {
  const plan = corpus.mainPlan;
  const random = prng(777);
  const textFor = (i: number) =>
    i % 2 ? campaignCopy(random, suggestionText(prng((i % 8) * 7919 + 1), false)) : suggestionText(random, false);
  const submit = (i: number) =>
    rolledBack(db, async (tx) => {
      const text = textFor(i);
      return submitSuggestion(tx, {
        planId: plan.id,
        channel: 'web',
        categoryId: pick(random, plan.categoryIds),
        title: text.title,
        body: text.body,
        submitterType: '在校学生',
        contact: { email: `cost${i}@example.edu.cn` },
        trackUrl: 'https://jianyan.example.edu.cn/track',
        acknowledge: false,
      });
    });
  const enrich = (i: number) =>
    rolledBack(db, async (tx) => {
      const text = textFor(i);
      const saved = await submitSuggestion(tx, {
        planId: plan.id,
        channel: 'web',
        title: text.title,
        body: text.body,
        submitterType: '在校学生',
        contact: {},
        trackUrl: 'https://jianyan.example.edu.cn/track',
        acknowledge: false,
      });
      const { row, tokens } = searchRowWithTokens({
        id: saved.id,
        title: text.title,
        body: text.body,
        attachmentText: [],
      });
      const { ms } = await timed(async () => {
        await linkNearDuplicates(tx, { id: saved.id, planId: plan.id, searchText: row.searchText });
        await proposeFor(tx, { planId: plan.id, normalized: row.searchText, tokens });
      });
      return ms;
    });

  const coldSubmit: number[] = [];
  const coldEnrich: number[] = [];
  for (let i = 0; i < 1; i++) {
    forgetModels();
    coldSubmit.push((await timed(() => submit(i))).ms);
    forgetModels();
    coldEnrich.push(await enrich(i));
  }
  const warmSubmit: number[] = [];
  const warmEnrich: number[] = [];
  for (let i = 0; i < 10; i++) {
    warmSubmit.push((await timed(() => submit(100 + i))).ms);
    warmEnrich.push(await enrich(100 + i));
  }
  return {
    submitColdMs: round(percentile(coldSubmit, 50)),
    submitWarmMs: round(percentile(warmSubmit, 50)),
    enrichmentColdMs: round(percentile(coldEnrich, 50)),
    enrichmentWarmMs: round(percentile(warmEnrich, 50)),
  };
}
