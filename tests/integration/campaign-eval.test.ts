import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { readConfig } from '../../app/server/config.ts';
import { suggestionFingerprints, suggestionSimilarities } from '../../db/schema/index.ts';
import type { Label } from '../fixtures/eval/campaigns/generate.ts';
import { createPlan } from '../factories/plans.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { ingest } from './helpers/email.ts';

// The campaign corpus (tests/fixtures/eval/campaigns/README.md) mailed through
// the real intake: raw messages stored and processed like IMAP's, then the
// enrichment job's work. Measures the groups built on intake against the
// labels; the floors asserted are the numbers measured, rounded down
// (decision 031).

const database = setupTestDatabase();
const dir = path.resolve('tests/fixtures/eval/campaigns');
const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Label[];
const idOf = new Map<string, number>();
const fileOf = new Map<number, string>();
const clusterOf = new Map<string, number>();
const report: Record<string, unknown> = {};
const round = (n: number) => Math.round(n * 1000) / 1000;

beforeAll(async () => {
  const config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
  const plan = await createPlan(database.db, { emailMarker: "'十四五'规划意见建议" });
  for (const label of labels) {
    const { outcome } = await ingest(database.db, config, fs.readFileSync(path.join(dir, 'mail', label.file)));
    if (outcome.status !== 'ingested' || !outcome.suggestionId) throw new Error(`${label.file}: ${outcome.status}`);
    idOf.set(label.file, outcome.suggestionId);
    fileOf.set(outcome.suggestionId, label.file);
  }
  const rows = await database.db
    .select({ id: suggestionFingerprints.suggestionId, clusterId: suggestionFingerprints.clusterId })
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.planId, plan.id));
  for (const r of rows) clusterOf.set(fileOf.get(r.id)!, r.clusterId);
}, 600_000);

function pairs(groups: Map<string | number, string[]>) {
  const set = new Set<string>();
  for (const members of groups.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) set.add([members[i], members[j]].sort().join('|'));
  return set;
}

function groupBy<K>(items: string[], key: (file: string) => K | null) {
  const groups = new Map<K, string[]>();
  for (const f of items) {
    const k = key(f);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  return groups;
}

function score(predicted: Set<string>, truth: Set<string>) {
  const hits = [...predicted].filter((p) => truth.has(p)).length;
  const precision = predicted.size ? hits / predicted.size : 1;
  const recall = truth.size ? hits / truth.size : 1;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round((2 * precision * recall) / (precision + recall || 1)),
  };
}

test('every letter of the corpus, in every charset, became a suggestion', () => {
  expect(idOf.size).toBe(labels.length);
  expect(new Set(labels.map((l) => l.charset))).toEqual(new Set(['utf-8', 'gb18030', 'gbk', 'big5']));
  expect(labels.filter((l) => l.kind === 'spun').length).toBeGreaterThanOrEqual(90);
  expect(labels.filter((l) => l.kind === 'opposing').length).toBeGreaterThanOrEqual(10);
});

test('campaigns by meaning: pair F1 of the groups, each campaign inside its largest group, no opposing letter merged', async () => {
  const files = labels.map((l) => l.file);
  const label = new Map(labels.map((l) => [l.file, l]));
  const truth = pairs(groupBy(files, (f) => label.get(f)!.group));
  const predicted = pairs(groupBy(files, (f) => clusterOf.get(f) ?? null));
  const all = score(predicted, truth);
  const spunOnly = (p: string) => p.split('|').every((f) => label.get(f)!.kind !== 'edited');
  const campaigns = [...new Set(labels.flatMap((l) => (l.group ? [l.group] : [])))];
  const share = Object.fromEntries(
    campaigns.map((g) => {
      const members = files.filter((f) => label.get(f)!.group === g);
      const counts = new Map<number, number>();
      for (const f of members) counts.set(clusterOf.get(f)!, (counts.get(clusterOf.get(f)!) ?? 0) + 1);
      return [g, round(Math.max(...counts.values()) / members.length)];
    }),
  );
  // An opposing letter is merged when its group holds a copy of the campaign it opposes.
  const trapsMerged = labels
    .filter((l) => l.kind === 'opposing')
    .filter((l) =>
      labels.some((o) => o.group === `campaign-${l.campaign}` && clusterOf.get(o.file) === clusterOf.get(l.file)),
    )
    .map((l) => l.file);
  const neighboursMerged = labels
    .filter((l) => l.kind === 'neighbour' || l.kind === 'background')
    .filter((l) => labels.some((o) => o.file !== l.file && clusterOf.get(o.file) === clusterOf.get(l.file))).length;

  // Which method linked the pairs, and what shingles alone would have grouped.
  const links = await database.db
    .select({
      a: suggestionSimilarities.suggestionId,
      b: suggestionSimilarities.similarId,
      method: suggestionSimilarities.method,
    })
    .from(suggestionSimilarities)
    .where(inArray(suggestionSimilarities.suggestionId, [...idOf.values()]));
  const parent = new Map(files.map((f) => [f, f]));
  const find = (f: string): string => (parent.get(f) === f ? f : find(parent.get(f)!));
  for (const l of links.filter((x) => x.method === 'shingle'))
    parent.set(find(fileOf.get(l.a)!), find(fileOf.get(l.b)!));
  const shingleOnly = score(pairs(groupBy(files, find)), truth);

  report.campaigns = {
    letters: labels.length,
    truthPairs: truth.size,
    groups: all,
    spunCampaignsOnly: score(new Set([...predicted].filter(spunOnly)), new Set([...truth].filter(spunOnly))),
    shingleLinksOnly: shingleOnly,
    shareInLargestGroup: share,
    trapsMerged,
    neighboursOrBackgroundInAGroup: neighboursMerged,
    links: {
      shingle: links.filter((l) => l.method === 'shingle').length,
      sentences: links.filter((l) => l.method === 'sentences').length,
    },
  };
  fs.mkdirSync(path.resolve('.tmp'), { recursive: true });
  fs.writeFileSync(path.resolve('.tmp/campaign-eval.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.info(JSON.stringify(report, null, 2));

  // Measured 1.0 (decision 031; the goal was 0.97 and 90%).
  expect(all.f1).toBeGreaterThanOrEqual(1);
  for (const g of campaigns) expect(share[g], g).toBeGreaterThanOrEqual(1);
  expect(trapsMerged).toEqual([]);
  // Shingles alone leave the spun campaigns apart: the second method is what groups them.
  expect(shingleOnly.recall).toBeLessThan(all.recall);
}, 120_000);
