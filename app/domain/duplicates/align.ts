import type { LetterSentence } from './sentences.ts';

// Sentence alignment of two letters (decision 031): a sentence of the shorter
// letter aligns with the most similar sentence of the other (IDF-weighted
// cosine of their folded content words); the pair links when enough of the
// shorter letter's weight aligns and no aligned pair takes opposite stances.

/** Cosine of two sentences' content words from which they say the same point. */
export const SENTENCE_THRESHOLD = 0.5;
/** Share of the shorter letter's content-word weight that must align. */
export const LETTER_THRESHOLD = 0.6;
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

export type Alignment = {
  /** Share of the shorter letter's weight whose sentences align. */
  coverage: number;
  aligned: number;
  /** Aligned pairs that take opposite stances (one asks for, the other against). */
  conflicts: number;
};

/** For each sentence of a, the index of the sentence of b it aligns with, or -1. */
export function bestMatches(a: LetterSentence[], b: LetterSentence[], weight: Weight) {
  return a.map((s) => {
    let best = -1;
    let score = 0;
    b.forEach((t, j) => {
      const sim = sentenceSimilarity(s.words, t.words, weight);
      if (sim > score) [best, score] = [j, sim];
    });
    return score >= SENTENCE_THRESHOLD ? best : -1;
  });
}

export function alignLetters(a: LetterSentence[], b: LetterSentence[], weight: Weight): Alignment {
  const swap = b.length < a.length;
  const [short, long] = swap ? [b, a] : [a, b];
  const matches = bestMatches(short, long, weight);
  let total = 0;
  let covered = 0;
  let aligned = 0;
  let conflicts = 0;
  short.forEach((s, i) => {
    const m = Math.sqrt(mass(s.words, weight));
    total += m;
    const j = matches[i]!;
    if (j < 0) return;
    covered += m;
    aligned++;
    const stance = long[j]!.stance;
    if (s.stance !== 0 && stance !== 0 && s.stance !== stance) conflicts++;
  });
  return {
    coverage: total ? covered / total : 0,
    aligned,
    conflicts,
  };
}

export function linksBySentences(alignment: Alignment): boolean {
  return alignment.conflicts === 0 && alignment.aligned >= MIN_ALIGNED && alignment.coverage >= LETTER_THRESHOLD;
}
