import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { classifierCountDeltas, classifierCounts, tags } from '../../../db/schema/index.ts';
import { predict, type Model } from './naive-bayes.ts';

// The classifier learns from moderators' decisions: the category of every
// suggestion of the plan that is not spam, held or a duplicate, except a
// category the system pre-filled and no one has confirmed yet (learning from
// its own guesses would only repeat them). Tags likewise, one yes/no model per
// tag used at least MIN_TAG_EXAMPLES times.

/** Fewer labelled suggestions than this, and the classifier stays quiet. */
export const MIN_EXAMPLES = 20;
const MIN_TAG_EXAMPLES = 5;
// A tag is proposed from this posterior on (a yes/no model is overconfident less often than it is shy on short texts).
const TAG_MIN_CONFIDENCE = 0.6;
// A plan's models are rebuilt at most this often per process.
const MAX_AGE_MS = 60_000;

export type PlanModels = {
  category: Model<number> | null;
  tags: { name: string; model: Model<boolean> }[];
};

const cache = new Map<number, { at: number; models: PlanModels }>();

export function forgetModels() {
  cache.clear();
}

export async function planModels(db: DbExecutor, planId: number): Promise<PlanModels> {
  const cached = cache.get(planId);
  if (cached && Date.now() - cached.at < MAX_AGE_MS) return cached.models;
  const models = await trainPlanModels(db, planId);
  cache.set(planId, { at: Date.now(), models });
  return models;
}

/**
 * The plan's models from its counts (classifier_counts, kept by database
 * triggers as moderators label; docs/decisions/081), never from a read of its
 * suggestions: the work is the vocabulary's size, not the plan's. The changes
 * appended since the last read are folded in first, in key order so that two
 * processes folding at once cannot deadlock.
 */
export async function trainPlanModels(db: DbExecutor, planId: number): Promise<PlanModels> {
  await db.execute(sql`
    with moved as (delete from ${classifierCountDeltas} where ${classifierCountDeltas.planId} = ${planId} returning label, token, delta)
    insert into ${classifierCounts} (plan_id, label, token, count)
    select ${planId}, label, token, sum(delta)::integer from moved group by label, token order by label, token
    on conflict (plan_id, label, token) do update set count = ${classifierCounts}.count + excluded.count`);
  const rows = await db
    .select({ label: classifierCounts.label, token: classifierCounts.token, count: classifierCounts.count })
    .from(classifierCounts)
    .where(and(eq(classifierCounts.planId, planId), gt(classifierCounts.count, 0)));
  const tagNames = new Map(
    (await db.select({ id: tags.id, name: tags.name }).from(tags).where(eq(tags.planId, planId))).map((t) => [
      `tag:${t.id}`,
      t.name,
    ]),
  );
  const byLabel = new Map<string, LabelCounts>();
  for (const row of rows) {
    let counts = byLabel.get(row.label);
    if (!counts) byLabel.set(row.label, (counts = { docs: 0, tokens: new Map() }));
    if (row.token === '') counts.docs = row.count;
    else counts.tokens.set(row.token, row.count);
  }
  const categoryLabels = [...byLabel].filter(([label, c]) => label.startsWith('category:') && c.docs > 0);
  const categoryExamples = categoryLabels.reduce((n, [, c]) => n + c.docs, 0);
  const category =
    categoryExamples >= MIN_EXAMPLES && categoryLabels.length >= 2
      ? fromCounts(categoryLabels.map(([label, c]) => ({ label: Number(label.slice('category:'.length)), ...c })))
      : null;
  const all = byLabel.get('all');
  const tagModels =
    all && all.docs >= MIN_EXAMPLES
      ? [...byLabel]
          .filter(([label, c]) => label.startsWith('tag:') && c.docs >= MIN_TAG_EXAMPLES && tagNames.has(label))
          .map(([label, c]) => ({ name: tagNames.get(label)!, model: fromCounts(yesNo(all, c)) }))
      : [];
  return { category, tags: tagModels };
}

type LabelCounts = { docs: number; tokens: Map<string, number> };

// A tag's yes/no model: "no" is every other suggestion the classifier learns from.
function yesNo(all: LabelCounts, tagged: LabelCounts): { label: boolean; docs: number; tokens: Map<string, number> }[] {
  const rest = new Map<string, number>();
  for (const [token, n] of all.tokens) {
    const left = n - (tagged.tokens.get(token) ?? 0);
    if (left > 0) rest.set(token, left);
  }
  return [
    { label: true, ...tagged },
    { label: false, docs: all.docs - tagged.docs, tokens: rest },
  ].filter((c) => c.docs > 0);
}

/** The model naive-bayes.ts's train() would build from the same examples, from their counts. */
function fromCounts<L>(labels: { label: L; docs: number; tokens: Map<string, number> }[]): Model<L> {
  const examples = labels.reduce((n, l) => n + l.docs, 0);
  const vocabulary = new Set<string>();
  for (const l of labels) for (const token of l.tokens.keys()) vocabulary.add(token);
  return {
    labels: labels.map((l) => l.label),
    logPrior: labels.map((l) => Math.log(l.docs / examples)),
    tokenCounts: labels.map((l) => l.tokens),
    totals: labels.map((l) => [...l.tokens.values()].reduce((a, b) => a + b, 0)),
    vocabulary: vocabulary.size,
    examples,
  };
}

export function classify(models: PlanModels, tokens: string[]) {
  const best = models.category ? predict(models.category, tokens)[0] : undefined;
  const tagGuesses = models.tags
    .map(({ name, model }) => ({
      name,
      confidence: predict(model, tokens).find((p) => p.label === true)?.confidence ?? 0,
    }))
    .filter((t) => t.confidence >= TAG_MIN_CONFIDENCE);
  return { category: best ? { id: best.label, confidence: best.confidence } : undefined, tags: tagGuesses };
}

/**
 * Counts a plan's classifier examples afresh from its suggestions (one full
 * read, with the same SQL functions as the triggers): for data loaded with
 * triggers disabled (the bench's COPY) or to repair counts. Run it in a
 * transaction, with no labelling going on in the plan.
 */
export async function recountPlan(db: DbExecutor, planId: number): Promise<void> {
  await db.execute(sql`delete from ${classifierCountDeltas} where ${classifierCountDeltas.planId} = ${planId}`);
  await db.execute(sql`delete from ${classifierCounts} where ${classifierCounts.planId} = ${planId}`);
  await db.execute(sql`
    insert into ${classifierCounts} (plan_id, label, token, count)
    select p.plan_id, p.label, p.token, count(*)::integer
    from suggestions s cross join lateral classifier_pairs(classifier_state_of(s.id)) p
    where s.plan_id = ${planId}
    group by p.plan_id, p.label, p.token`);
}
