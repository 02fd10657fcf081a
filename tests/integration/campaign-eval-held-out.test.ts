import { beforeAll, expect, test } from 'vitest';
import { setupTestDatabase } from '../setup/test-database.ts';
import { mailCorpus, measureCorpus, readCorpus, writeReport } from './helpers/campaign-eval.ts';

// The held-out campaign corpus (held-out-letters.ts: written after the rule was
// tuned on the development set), mailed through the real intake and measured
// exactly as campaign-eval.test.ts measures the development set. The rule was
// not changed after this measurement; the floors are the numbers measured,
// rounded down.

const database = setupTestDatabase();
const corpus = readCorpus('labels-held-out.json');

beforeAll(async () => {
  await mailCorpus(database, corpus, 'mail-held-out');
}, 600_000);

test('every held-out letter, in every charset, became a suggestion', () => {
  const { labels } = corpus;
  expect(corpus.idOf.size).toBe(labels.length);
  expect(new Set(labels.map((l) => l.charset))).toEqual(new Set(['utf-8', 'gb18030', 'gbk', 'big5']));
  expect(labels.filter((l) => l.kind === 'spun').length).toBeGreaterThanOrEqual(40);
  expect(labels.filter((l) => l.kind === 'opposing').length).toBeGreaterThanOrEqual(3);
});

test('held-out set: pair F1 of the groups, each campaign inside its largest group, opposing letters merged', async () => {
  const m = await measureCorpus(database, corpus);
  writeReport('campaign-eval-held-out', { campaigns: m });

  // First measured with the rule untouched: precision 1, recall 0.917, F1
  // 0.957. Decision 090 then changed how pairs are judged, for a reason found
  // on the development set (groups depended on arrival order), not on this
  // set's score; but this set was looked at while finding that a settling pass
  // lost links (a pair judged one way or the other by which letter came
  // second), so it is no longer strictly held out. Measured after: precision
  // 1, recall 0.965, F1 0.982; 95% and 100% of each campaign in its largest
  // group; no opposing letter merged.
  expect(m.groups.precision).toBeGreaterThanOrEqual(1);
  expect(m.groups.recall).toBeGreaterThanOrEqual(0.96);
  expect(m.groups.f1).toBeGreaterThanOrEqual(0.98);
  expect(m.shareInLargestGroup['campaign-track-at-night']).toBeGreaterThanOrEqual(0.95);
  expect(m.shareInLargestGroup['campaign-dorm-power']).toBeGreaterThanOrEqual(1);
  expect(m.trapsMerged).toEqual([]);
  expect(m.neighboursOrBackgroundInAGroup).toBe(0);
}, 120_000);
