import * as OpenCC from 'opencc-js';

// Index and query meet in one form: NFKC folds full-width letters, digits and
// punctuation to half-width (ＡＢＣ１２３ → abc123), lower case folds Latin, and
// OpenCC folds Traditional to Simplified (衛生健康 → 卫生健康) so that a query
// in either script finds a text in either.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/**
 * The normalized text with, for each of its UTF-16 units, the index in the
 * original it came from: highlighting finds a match in the normalized form and
 * marks the original characters. Converted character by character, which can
 * differ from the whole-text conversion in rare phrase rules; a highlight then
 * falls back to the start of the text, the search itself is unaffected.
 */
export function normalizeWithMap(text: string): { normalized: string; origin: number[] } {
  let normalized = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = toSimplified(char.normalize('NFKC').toLowerCase());
    normalized += piece;
    for (let i = 0; i < piece.length; i++) origin.push(index);
    index += char.length;
  }
  origin.push(index);
  return { normalized, origin };
}
