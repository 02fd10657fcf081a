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

  // Measured once, rule untouched: precision 1, recall 0.917, F1 0.957 (below
  // the 0.97 goal, and below the development set's 1.0); 95% and 96.3%
  // of each campaign in its largest group; no opposing letter merged.
  expect(m.groups.precision).toBeGreaterThanOrEqual(1);
  expect(m.groups.recall).toBeGreaterThanOrEqual(0.91);
  expect(m.groups.f1).toBeGreaterThanOrEqual(0.95);
  expect(m.shareInLargestGroup['campaign-track-at-night']).toBeGreaterThanOrEqual(0.95);
  expect(m.shareInLargestGroup['campaign-dorm-power']).toBeGreaterThanOrEqual(0.96);
  expect(m.trapsMerged).toEqual([]);
  expect(m.neighboursOrBackgroundInAGroup).toBe(0);
}, 120_000);
