import { asc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import {
  categories,
  categoryRules,
  suggestionProposals,
  suggestions,
  type ProposedTag,
} from '../../../db/schema/index.ts';
import { normalizeText } from '../search/normalize.ts';
import { classify, planModels } from './classifier.server.ts';
import { DEFAULT_KEYWORDS } from './default-keywords.ts';

/** From this confidence on, an email's unknown category is pre-filled (still marked as proposed until a moderator confirms). */
export const PREFILL_MIN_CONFIDENCE = 0.5;

type Rule = { categoryId: number | null; tagName: string | null; keywords: string[] };

/** The plan's admin rules, or the built-in keywords for its category names when it has none. */
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
  return rows.map((c) => ({
    categoryId: c.id,
    tagName: null,
    keywords: [c.name, ...(DEFAULT_KEYWORDS[c.name] ?? [])],
  }));
}

const occurrences = (text: string, word: string) => (word ? text.split(word).length - 1 : 0);

/** Rules: the category whose keywords occur most (ties propose nothing), and every tag with a keyword present. */
export function applyRules(rules: Rule[], normalized: string) {
  const scores = new Map<number, number>();
  const tags = new Set<string>();
  for (const rule of rules) {
    const hits = rule.keywords.reduce((sum, k) => sum + occurrences(normalized, normalizeText(k)), 0);
    if (hits === 0) continue;
    if (rule.categoryId) scores.set(rule.categoryId, (scores.get(rule.categoryId) ?? 0) + hits);
    if (rule.tagName) tags.add(rule.tagName);
  }
  const best = Math.max(0, ...scores.values());
  const winners = [...scores].filter(([, s]) => s === best);
  const total = [...scores.values()].reduce((a, b) => a + b, 0);
  return {
    category: best > 0 && winners.length === 1 ? { id: winners[0]![0], confidence: best / total } : undefined,
    tags: [...tags],
  };
}

export type Proposal = {
  categoryId: number | null;
  confidence: number | null;
  source: 'rule' | 'classifier' | 'rule+classifier';
  tags: ProposedTag[];
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
  let category: { id: number; confidence: number; source: Proposal['source'] } | undefined;
  const r = byRule.category;
  const m = byModel.category;
  if (r && m && r.id === m.id)
    category = { id: r.id, confidence: Math.max(r.confidence, m.confidence), source: 'rule+classifier' };
  else if (r && (!m || m.confidence < 0.8)) category = { ...r, source: 'rule' };
  else if (m) category = { ...m, source: 'classifier' };
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
