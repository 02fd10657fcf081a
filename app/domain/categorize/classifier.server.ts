import { and, eq, isNotNull, notInArray, or, isNull, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { suggestionProposals, suggestions, suggestionSearch, suggestionTags, tags } from '../../../db/schema/index.ts';
import { predict, train, type Model } from './naive-bayes.ts';

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

export async function trainPlanModels(db: DbExecutor, planId: number): Promise<PlanModels> {
  const rows = await db
    .select({
      categoryId: suggestions.categoryId,
      tokens: sql<string[]>`tsvector_to_array(${suggestionSearch.searchVector})`,
      tags: sql<
        string[]
      >`coalesce((select array_agg(${tags.name}) from ${suggestionTags} join ${tags} on ${tags.id} = ${suggestionTags.tagId} where ${suggestionTags.suggestionId} = ${suggestions.id}), '{}')`,
    })
    .from(suggestions)
    .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestions.id))
    .leftJoin(suggestionProposals, eq(suggestionProposals.suggestionId, suggestions.id))
    .where(
      and(
        eq(suggestions.planId, planId),
        notInArray(suggestions.status, ['spam', 'pending_verification', 'duplicate']),
        or(
          isNull(suggestionProposals.suggestionId),
          eq(suggestionProposals.categoryPrefilled, false),
          isNotNull(suggestionProposals.resolution),
        ),
      ),
    );
  const labelled = rows.filter((r) => r.categoryId !== null).map((r) => ({ tokens: r.tokens, label: r.categoryId! }));
  const category =
    labelled.length >= MIN_EXAMPLES && new Set(labelled.map((e) => e.label)).size >= 2 ? train(labelled) : null;
  const tagged = rows.filter((r) => r.tags.length > 0);
  const counts = new Map<string, number>();
  for (const row of tagged) for (const name of row.tags) counts.set(name, (counts.get(name) ?? 0) + 1);
  const tagModels =
    rows.length >= MIN_EXAMPLES
      ? [...counts]
          .filter(([, n]) => n >= MIN_TAG_EXAMPLES)
          .map(([name]) => ({
            name,
            model: train(rows.map((r) => ({ tokens: r.tokens, label: r.tags.includes(name) }))),
          }))
      : [];
  return { category, tags: tagModels };
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
