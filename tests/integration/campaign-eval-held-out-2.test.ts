import { beforeAll, expect, test } from 'vitest';
import { setupTestDatabase } from '../setup/test-database.ts';
import { mailCorpus, measureCorpus, readCorpus, writeReport } from './helpers/campaign-eval.ts';

// The second held-out campaign corpus (held-out-2-letters.ts: three campaigns
// on new topics, written after decision 044 changed the rule, because the
// first held-out set had been looked at while making that change). Mailed
// through the real intake, settled, and measured as the other sets are. The
// rule was not changed after this measurement; the floors are the numbers
// measured, rounded down.

const database = setupTestDatabase();
const corpus = readCorpus('labels-held-out-2.json');

beforeAll(async () => {
  await mailCorpus(database, corpus, 'mail-held-out-2');
}, 600_000);

test('every letter of the second held-out set, in every charset, became a suggestion', () => {
  const { labels } = corpus;
  expect(corpus.idOf.size).toBe(labels.length);
  expect(new Set(labels.map((l) => l.charset))).toEqual(new Set(['utf-8', 'gb18030', 'gbk', 'big5']));
  expect(labels.filter((l) => l.kind === 'spun').length).toBe(54);
  expect(labels.filter((l) => l.kind === 'opposing').length).toBe(4);
});

test('second held-out set: pair F1 of the groups, each campaign inside its largest group, opposing letters merged', async () => {
  const m = await measureCorpus(database, corpus);
  writeReport('campaign-eval-held-out-2', { campaigns: m });
  // Measured once, on 2026-12-07, rule untouched: precision 1, recall 0.779,
  // F1 0.876, below the 0.97 goal. In its largest group: 早操打卡
  // 95%, 共享单车 100%, 校区班车 72.7% (below the 90% goal: seven spun
  // copies of it stand apart). No opposing letter merged, no neighbour or
  // background letter in a group.
  expect(m.groups.precision).toBeGreaterThanOrEqual(1);
  expect(m.groups.recall).toBeGreaterThanOrEqual(0.77);
  expect(m.groups.f1).toBeGreaterThanOrEqual(0.87);
  expect(m.shareInLargestGroup['campaign-morning-exercise']).toBeGreaterThanOrEqual(0.95);
  expect(m.shareInLargestGroup['campaign-shared-bikes']).toBeGreaterThanOrEqual(1);
  expect(m.shareInLargestGroup['campaign-shuttle-bus']).toBeGreaterThanOrEqual(0.72);
  expect(m.trapsMerged).toEqual([]);
  expect(m.neighboursOrBackgroundInAGroup).toBe(0);
}, 120_000);
