import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { settlePlanGroups } from '../../../app/domain/duplicates/settle-groups.server.ts';
import { readConfig } from '../../../app/server/config.ts';
import { suggestionFingerprints, suggestionSimilarities } from '../../../db/schema/index.ts';
import type { Label } from '../../fixtures/eval/campaigns/generate.ts';
import { createPlan } from '../../factories/plans.ts';
import type { TestDatabase } from '../../setup/test-database.ts';
import { ingest } from './email.ts';
import { pairs, round, score } from './pair-scores.ts';

// The campaign corpus (tests/fixtures/eval/campaigns/README.md) mailed through
// the real intake: raw messages stored and processed like IMAP's, then the
// enrichment job's work. Shared by the development-set and held-out tests so
// that both are measured the same way; each runs in a database of its own
// (both corpora use the same mail marker, and IDF weights are per plan).

const dir = path.resolve('tests/fixtures/eval/campaigns');

export type Corpus = {
  labels: Label[];
  idOf: Map<string, number>;
  fileOf: Map<number, string>;
  clusterOf: Map<string, number>;
};

export function readCorpus(labelsFile: string): Corpus {
  const labels = JSON.parse(fs.readFileSync(path.join(dir, labelsFile), 'utf8')) as Label[];
  return { labels, idOf: new Map(), fileOf: new Map(), clusterOf: new Map() };
}

export async function mailCorpus(database: TestDatabase, c: Corpus, mailDir: string) {
  const config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
  const plan = await createPlan(database.db, { emailMarker: "'十四五'规划意见建议" });
  for (const label of c.labels) {
    const { outcome } = await ingest(database.db, config, fs.readFileSync(path.join(dir, mailDir, label.file)));
    if (outcome.status !== 'ingested' || !outcome.suggestionId) throw new Error(`${label.file}: ${outcome.status}`);
    c.idOf.set(label.file, outcome.suggestionId);
    c.fileOf.set(outcome.suggestionId, label.file);
  }
  // What the worker's settling job does once the letters are in (decision 044).
  await settleGroups(database, plan.id);
  await readGroups(database, c, plan.id);
  return plan;
}

/**
 * Runs the plan's settling passes as the worker's jobs do once the mail has
 * stopped: the doubling pass, then the quiet pass that links every letter at
 * the plan's final weights (decisions 044, 045).
 */
export async function settleGroups(database: TestDatabase, planId: number) {
  while ((await settlePlanGroups(database.db, planId)).more);
  while ((await settlePlanGroups(database.db, planId, { scope: 'current' })).more);
}

/** Each letter's group as stored now. */
export async function readGroups(database: TestDatabase, c: Corpus, planId: number) {
  c.clusterOf.clear();
  const rows = await database.db
    .select({ id: suggestionFingerprints.suggestionId, clusterId: suggestionFingerprints.clusterId })
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.planId, planId));
  for (const r of rows) c.clusterOf.set(c.fileOf.get(r.id)!, r.clusterId);
}

function groupBy<K>(items: string[], key: (file: string) => K | null) {
  const groups = new Map<K, string[]>();
  for (const f of items) {
    const k = key(f);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  return groups;
}

/** Pair precision/recall/F1, each campaign's share in its largest group, traps merged, and which method linked. */
export async function measureCorpus(database: TestDatabase, { labels, idOf, fileOf, clusterOf }: Corpus) {
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
  ) as Record<string, number>;
  // The copies left outside their campaign's largest group, to read why.
  const outsideLargestGroup = campaigns.flatMap((g) => {
    const members = files.filter((f) => label.get(f)!.group === g);
    const counts = new Map<number, number>();
    for (const f of members) counts.set(clusterOf.get(f)!, (counts.get(clusterOf.get(f)!) ?? 0) + 1);
    const largest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    return members.filter((f) => clusterOf.get(f) !== largest);
  });
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

  return {
    letters: labels.length,
    truthPairs: truth.size,
    groups: all,
    spunCampaignsOnly: score(new Set([...predicted].filter(spunOnly)), new Set([...truth].filter(spunOnly))),
    shingleLinksOnly: shingleOnly,
    shareInLargestGroup: share,
    outsideLargestGroup,
    trapsMerged,
    opposingLetters: labels.filter((l) => l.kind === 'opposing').length,
    neighboursOrBackgroundInAGroup: neighboursMerged,
    links: {
      shingle: links.filter((l) => l.method === 'shingle').length,
      sentences: links.filter((l) => l.method === 'sentences').length,
    },
  };
}

/** Writes the measurement to .tmp/<name>.json and the log, for the report. */
export function writeReport(name: string, report: unknown) {
  fs.mkdirSync(path.resolve('.tmp'), { recursive: true });
  fs.writeFileSync(path.resolve(`.tmp/${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  console.info(JSON.stringify(report, null, 2));
}
