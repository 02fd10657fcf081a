import type { LetterSentence } from './sentences.ts';

// Sentence alignment of two letters (decision 031): a sentence of the shorter
// letter aligns with the most similar sentence of the other (IDF-weighted
// cosine of their folded content words); the pair links when enough of the
// shorter letter's weight aligns and no aligned pair takes opposite stances.

/** Cosine of two sentences' content words from which they say the same point. */
export const SENTENCE_THRESHOLD = 0.5;
/** Share of the shorter letter's content-word weight that must align. */
export const LETTER_THRESHOLD = 0.6;
/**
 * Two sentences that both take a stance, share an action and are this similar
 * are about the same point: opposite stances there keep the letters apart,
 * even when the stance sits in a sentence that aligns with one saying none.
 */
export const STANCE_THRESHOLD = 0.4;
/** At least this many aligned sentences: one shared sentence is a quotation, not a copy. */
const MIN_ALIGNED = 2;

export type Weight = (word: string) => number;

function mass(words: string[], weight: Weight) {
  let sum = 0;
  for (const w of words) sum += weight(w) ** 2;
  return sum;
}

export function sentenceSimilarity(a: string[], b: string[], weight: Weight): number {
  if (a.length === 0 || b.length === 0) return 0;
  const inB = new Set(b);
  let shared = 0;
  for (const w of a) if (inB.has(w)) shared += weight(w) ** 2;
  return shared / Math.sqrt(mass(a, weight) * mass(b, weight));
}

/** Share of a's content-word weight that b also has (how much of a's point b already makes). */
export function containment(a: string[], b: string[], weight: Weight): number {
  if (a.length === 0) return 0;
  const inB = new Set(b);
  let shared = 0;
  for (const w of a) if (inB.has(w)) shared += weight(w) ** 2;
  return shared / mass(a, weight);
}

export type Alignment = {
  /** Share of the shorter letter's weight whose sentences align. */
  coverage: number;
  aligned: number;
  /** Aligned pairs that take opposite stances (one asks for, the other against). */
  conflicts: number;
};

/** For each sentence of a, the index of the sentence of b it aligns with, or -1. */
export function bestMatches(a: LetterSentence[], b: LetterSentence[], weight: Weight, threshold = SENTENCE_THRESHOLD) {
  return a.map((s) => {
    let best = -1;
    let score = 0;
    b.forEach((t, j) => {
      const sim = sentenceSimilarity(s.words, t.words, weight);
      if (sim > score) [best, score] = [j, sim];
    });
    return score >= threshold ? best : -1;
  });
}

export function alignLetters(a: LetterSentence[], b: LetterSentence[], weight: Weight): Alignment {
  const conflicts = stanceConflicts(a, b, weight) + stanceConflicts(b, a, weight);
  if (a.length !== b.length) {
    const [short, long] = b.length < a.length ? [b, a] : [a, b];
    return { ...covered(short, long, weight), conflicts };
  }
  // As many sentences each: the shorter is the one with less content weight.
  // Before, it was whichever was linked second, and a pair was judged one way
  // or the other depending on the order letters arrived in (decision 044).
  const [short, long] = letterMass(b, weight) < letterMass(a, weight) ? [b, a] : [a, b];
  return { ...covered(short, long, weight), conflicts };
}

function letterMass(letter: LetterSentence[], weight: Weight) {
  let sum = 0;
  for (const s of letter) sum += Math.sqrt(mass(s.words, weight));
  return sum;
}

/** How much of `short`'s weight aligns with sentences of `long`. */
function covered(short: LetterSentence[], long: LetterSentence[], weight: Weight) {
  const matches = bestMatches(short, long, weight);
  let total = 0;
  let covered = 0;
  let aligned = 0;
  short.forEach((s, i) => {
    const m = Math.sqrt(mass(s.words, weight));
    total += m;
    if (matches[i]! < 0) return;
    covered += m;
    aligned++;
  });
  return { coverage: total ? covered / total : 0, aligned };
}

/** Sentences of a taking a stance whose closest stance-taking sentence in b takes the opposite one. */
function stanceConflicts(a: LetterSentence[], b: LetterSentence[], weight: Weight) {
  const taking = b.filter((t) => t.stance !== 0);
  let conflicts = 0;
  for (const s of a) {
    if (s.stance === 0) continue;
    let best: LetterSentence | undefined;
    let score = 0;
    for (const t of taking) {
      // Opposite stances oppose only on the same action.
      if (!t.actions.some((x) => s.actions.includes(x))) continue;
      const sim = sentenceSimilarity(s.words, t.words, weight);
      if (sim > score) [best, score] = [t, sim];
    }
    if (best && score >= STANCE_THRESHOLD && best.stance !== s.stance) conflicts++;
  }
  return conflicts;
}

export function linksBySentences(alignment: Alignment): boolean {
  return alignment.conflicts === 0 && alignment.aligned >= MIN_ALIGNED && alignment.coverage >= LETTER_THRESHOLD;
}
