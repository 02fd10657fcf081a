import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from '../text/normalize.ts';

// jieba (Rust, via @node-rs/jieba) with its bundled dictionary; chosen over
// Intl.Segmenter by measurement (bench/segmenter.ts, decision 040). Loading the
// dictionary takes under a second, so it happens on first use, once per process.
let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

/** Changes whenever segmentation or normalization changes: rows indexed by another version need `npm run search:reindex`. */
// search-2: enrichment also stores content words for campaigns by meaning (decision 031).
export const INDEX_VERSION = 'jieba-2.0.3-search-2';

// A token is kept if it has a letter, digit or CJK character: punctuation and
// spaces carry nothing for search.
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Tokens of an already normalized text, in order, for the index: jieba's
 * search mode, which adds the dictionary words inside a long word (师资队伍 →
 * 师资, 队伍, 师资队伍), so that a query for a part finds the whole.
 */
export function indexTokens(normalized: string): string[] {
  return segmenter()
    .cutForSearch(normalized, true)
    .filter((t) => WORDLIKE.test(t))
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Tokens of a query word, in order (precise mode: the words the person meant). */
export function queryTokens(word: string): string[] {
  return segmenter()
    .cut(normalizeText(word), true)
    .filter((t) => WORDLIKE.test(t))
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Words of an already normalized text with their part of speech (jieba's tags: v verb, n noun…), punctuation left out. */
export function taggedTokens(normalized: string): { word: string; tag: string }[] {
  return segmenter()
    .tag(normalized, true)
    .map((t) => ({ word: t.word.trim(), tag: t.tag }))
    .filter((t) => t.word && WORDLIKE.test(t.word));
}
