import { normalizeText } from '../text/normalize.ts';
import { areaForCategory, matchedEntries, textTokens, type TextTokens } from './topic-match.ts';

/**
 * A keyword rule. An admin's rule (`text`) matches its keywords as substrings
 * of the normalized text, as admins expect from a keyword list; a built-in
 * topic rule (`tokens`, decision 046) matches whole jieba tokens with synonyms.
 */
export type Rule = {
  categoryId: number | null;
  tagName: string | null;
  keywords: string[];
  match?: 'text' | 'tokens';
};

// The category's own name says more than any one of its area's words, and a
// word in the title more than one in the body.
const NAME_WEIGHT = 2;
const TITLE_WEIGHT = 2;

/** The built-in rules for a plan without admin rules: each category's name and the words of its topic area. */
export function builtInRules(categoryRows: { id: number; name: string }[]): Rule[] {
  return categoryRows.map((c) => ({
    categoryId: c.id,
    tagName: null,
    keywords: [c.name, ...(areaForCategory(c.name)?.words ?? [])],
    match: 'tokens' as const,
  }));
}

const occurrences = (text: string, word: string) => (word ? text.split(word).length - 1 : 0);

type Score = { score: number; words: string[]; first: number };

function scoreRule(rule: Rule, normalized: string, tokens: () => TextTokens): Score {
  if (rule.match === 'tokens') {
    const [name, ...entries] = rule.keywords;
    const named = name ? matchedEntries(tokens(), [name]) : [];
    const words = matchedEntries(tokens(), entries).filter((w) => !named.some((n) => n.label === w.label));
    const weight = (inTitle: boolean) => (inTitle ? TITLE_WEIGHT : 1);
    const score =
      named.reduce((n, w) => n + NAME_WEIGHT * weight(w.inTitle), 0) + words.reduce((n, w) => n + weight(w.inTitle), 0);
    const all = [...named, ...words].sort((a, b) => a.position - b.position);
    return { score, words: all.map((w) => w.label), first: all[0]?.position ?? Infinity };
  }
  const words = rule.keywords.filter((k) => occurrences(normalized, normalizeText(k)) > 0);
  const score = rule.keywords.reduce((sum, k) => sum + occurrences(normalized, normalizeText(k)), 0);
  const first = Math.min(Infinity, ...words.map((k) => normalized.indexOf(normalizeText(k))));
  return { score, words, first };
}

/**
 * Rules: the category scoring highest, with the words that made it, and every
 * tag with a keyword present. A tie goes to the category whose words come
 * first (the title, the opening sentence: what the writer leads with); a tie
 * there too proposes nothing.
 */
export function applyRules(rules: Rule[], normalized: string) {
  let cached: TextTokens | undefined;
  const tokens = () => (cached ??= textTokens(normalized));
  const scores = new Map<number, Score>();
  const tags = new Set<string>();
  for (const rule of rules) {
    const { score, words, first } = scoreRule(rule, normalized, tokens);
    if (score === 0) continue;
    if (rule.categoryId) {
      const seen = scores.get(rule.categoryId) ?? { score: 0, words: [], first: Infinity };
      scores.set(rule.categoryId, {
        score: seen.score + score,
        words: [...new Set([...seen.words, ...words])],
        first: Math.min(seen.first, first),
      });
    }
    if (rule.tagName) tags.add(rule.tagName);
  }
  const best = Math.max(0, ...[...scores.values()].map((s) => s.score));
  const tied = [...scores].filter(([, s]) => s.score === best);
  const earliest = Math.min(...tied.map(([, s]) => s.first));
  const winners = tied.filter(([, s]) => s.first === earliest);
  const total = [...scores.values()].reduce((a, s) => a + s.score, 0);
  const winner = best > 0 && winners.length === 1 ? winners[0]! : undefined;
  return {
    category: winner ? { id: winner[0], confidence: best / total, words: winner[1].words } : undefined,
    tags: [...tags],
  };
}
