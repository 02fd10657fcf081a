import { asc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import {
  categories,
  categoryRules,
  suggestionProposals,
  suggestions,
  type ProposedTag,
} from '../../../db/schema/index.ts';
import { classify, planModels } from './classifier.server.ts';
import { applyRules, builtInRules, type Rule } from './apply-rules.ts';

export { applyRules };

/** From this confidence on, an email's unknown category is pre-filled (still marked as proposed until a moderator confirms). */
export const PREFILL_MIN_CONFIDENCE = 0.5;

/** The plan's admin rules, or the built-in topic words for its category names when it has none (decision 046). */
export async function planRules(db: DbExecutor, planId: number): Promise<Rule[]> {
  const own = await db
    .select({ categoryId: categoryRules.categoryId, tagName: categoryRules.tagName, keywords: categoryRules.keywords })
    .from(categoryRules)
    .where(eq(categoryRules.planId, planId))
    .orderBy(asc(categoryRules.id));
  if (own.length > 0) return own;
  const rows = await db
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .where(eq(categories.planId, planId));
  return builtInRules(rows);
}

export type Proposal = {
  categoryId: number | null;
  confidence: number | null;
  source: 'rule' | 'classifier' | 'rule+classifier';
  tags: ProposedTag[];
  /** Why a rule proposed the category: the words it found (empty when the classifier alone proposed it). */
  matchedWords: string[];
};

/**
 * What the keyword rules and the classifier propose for a text. When both
 * name a category and agree, confidence is the higher; when they disagree,
 * the admin's rule wins only if the classifier is unsure (< 0.8).
 */
export async function proposeFor(
  db: DbExecutor,
  { planId, normalized, tokens }: { planId: number; normalized: string; tokens: string[] },
): Promise<Proposal | null> {
  const [rules, models] = await Promise.all([planRules(db, planId), planModels(db, planId)]);
  return combine(applyRules(rules, normalized), classify(models, tokens));
}

/** The rules' and the classifier's answers as one proposal (pure: the evaluation measures exactly this). */
export function combine(byRule: ReturnType<typeof applyRules>, byModel: ReturnType<typeof classify>): Proposal | null {
  let category: { id: number; confidence: number; source: Proposal['source']; words: string[] } | undefined;
  const r = byRule.category;
  const m = byModel.category;
  if (r && m && r.id === m.id)
    category = { ...r, confidence: Math.max(r.confidence, m.confidence), source: 'rule+classifier' };
  else if (r && (!m || m.confidence < 0.8)) category = { ...r, source: 'rule' };
  else if (m) category = { ...m, source: 'classifier', words: [] };
  const tags: ProposedTag[] = [
    ...byRule.tags.map((name) => ({ name, confidence: 0.9, source: 'rule' as const })),
    ...byModel.tags.filter((t) => !byRule.tags.includes(t.name)).map((t) => ({ ...t, source: 'classifier' as const })),
  ];
  if (!category && tags.length === 0) return null;
  return {
    categoryId: category?.id ?? null,
    confidence: category ? Math.round(category.confidence * 1000) / 1000 : null,
    source: category?.source ?? 'rule',
    tags,
    matchedWords: category?.words ?? [],
  };
}

/**
 * Stores the proposal for a new suggestion. With `prefill` (email, whose
 * category no one chose) and enough confidence, the category is filled in
 * too, marked as proposed so the page asks a moderator to confirm it.
 */
export async function recordProposal(
  db: DbExecutor,
  { suggestionId, proposal, prefill }: { suggestionId: number; proposal: Proposal | null; prefill: boolean },
) {
  if (!proposal) return;
  const prefilled = prefill && proposal.categoryId !== null && (proposal.confidence ?? 0) >= PREFILL_MIN_CONFIDENCE;
  await db
    .insert(suggestionProposals)
    .values({ suggestionId, ...proposal, categoryPrefilled: prefilled })
    .onConflictDoUpdate({
      target: suggestionProposals.suggestionId,
      set: {
        ...proposal,
        categoryPrefilled: prefilled,
        resolution: null,
        resolvedAt: null,
        resolvedBy: null,
        createdAt: sql`now()`,
      },
    });
  if (prefilled)
    await db.update(suggestions).set({ categoryId: proposal.categoryId }).where(eq(suggestions.id, suggestionId));
}
