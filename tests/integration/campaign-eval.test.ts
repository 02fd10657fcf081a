import { beforeAll, expect, test } from 'vitest';
import { setupTestDatabase } from '../setup/test-database.ts';
import { mailCorpus, measureCorpus, readCorpus, writeReport } from './helpers/campaign-eval.ts';

// The development set of the campaign corpus, mailed through the real intake
// (helpers/campaign-eval.ts). The rule was revised looking at it, so these
// numbers are not a held-out measurement: campaign-eval-held-out.test.ts is.
// The floors asserted are the numbers measured, rounded down (decision 031).

const database = setupTestDatabase();
const corpus = readCorpus('labels.json');

beforeAll(async () => {
  await mailCorpus(database, corpus, 'mail');
}, 600_000);

test('every letter of the corpus, in every charset, became a suggestion', () => {
  const { labels } = corpus;
  expect(corpus.idOf.size).toBe(labels.length);
  expect(new Set(labels.map((l) => l.charset))).toEqual(new Set(['utf-8', 'gb18030', 'gbk', 'big5']));
  expect(labels.filter((l) => l.kind === 'spun').length).toBeGreaterThanOrEqual(90);
  expect(labels.filter((l) => l.kind === 'opposing').length).toBeGreaterThanOrEqual(10);
});

test('campaigns by meaning: pair F1 of the groups, each campaign inside its largest group, no opposing letter merged', async () => {
  const m = await measureCorpus(database, corpus);
  writeReport('campaign-eval', { campaigns: m });

  // Measured 1.0 when links were made once, in arrival order (decision 031;
  // the goal was 0.97 and 90%). Settled, and with a pair judged the same
  // whichever letter came first (decision 044): precision 1, recall 0.987,
  // F1 0.994, in this order and in three shuffled ones
  // (campaign-eval-orders.test.ts). One spun library copy, 149.eml, stays
  // apart: its early link held only with the weights of a small plan.
  expect(m.groups.precision).toBeGreaterThanOrEqual(1);
  expect(m.groups.f1).toBeGreaterThanOrEqual(0.99);
  for (const [g, share] of Object.entries(m.shareInLargestGroup))
    expect(share, g).toBeGreaterThanOrEqual(g === 'campaign-library' ? 0.96 : 1);
  expect(m.trapsMerged).toEqual([]);
  // Shingles alone leave the spun campaigns apart: the second method is what groups them.
  expect(m.shingleLinksOnly.recall).toBeLessThan(m.groups.recall);
}, 120_000);
