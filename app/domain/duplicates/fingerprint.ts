import { normalizeText } from '../text/normalize.ts';

// Near-duplicates (decision 041): character shingles of the normalized text
// (Simplified, half-width, lower case, letters and digits only, so punctuation,
// spacing and line breaks do not count), MinHash signatures, and LSH bands for
// an index-backed candidate search. The final call is the exact Jaccard
// similarity of the two shingle sets.

export const SHINGLE = 2;
const BANDS = 32;
const ROWS = 3;
const HASHES = BANDS * ROWS;

const NOT_TEXT = /[^\p{L}\p{N}]/gu;

/**
 * The characters that count for similarity: those of the normalized title,
 * body and attachment text (a mail that says only 「意见见附件」 is compared by
 * its attachment), without punctuation and spacing.
 */
export function similarityText(normalized: string): string {
  return normalized.replace(NOT_TEXT, '');
}

export function shingles(text: string): Set<string> {
  const chars = [...text];
  const set = new Set<string>();
  if (chars.length > 0 && chars.length < SHINGLE) set.add(text);
  for (let i = 0; i + SHINGLE <= chars.length; i++) set.add(chars.slice(i, i + SHINGLE).join(''));
  return set;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

// FNV-1a over UTF-16 units, then a murmur3 finalizer per hash function seed:
// fast, deterministic across processes and releases (fingerprints are stored).
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(x: number, seed: number): number {
  let h = (x ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function minhash(set: Set<string>): number[] {
  const signature = new Array<number>(HASHES).fill(0xffffffff);
  for (const shingle of set) {
    const base = fnv1a(shingle);
    for (let i = 0; i < HASHES; i++) {
      const h = mix(base, i);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/**
 * One signed 32-bit key per band (the band's number is hashed in, so equal
 * rows in different bands do not collide). Two texts share a band with
 * probability 1 - (1 - J³)³² : 0.88 at J = 0.4, 0.98 at J = 0.5, 0.10 at J = 0.15.
 */
export function bands(signature: number[]): number[] {
  if (signature.length === 0) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = signature.slice(b * ROWS, (b + 1) * ROWS);
    keys.push(fnv1a(`${b}:${rows.join(',')}`) | 0);
  }
  return keys;
}

/** Fingerprint of an already normalized text (suggestion_search.search_text). */
export function fingerprintNormalized(normalized: string) {
  const set = shingles(similarityText(normalized));
  return { shingles: set, bands: set.size ? bands(minhash(set)) : [] };
}

/** Fingerprint of raw text: normalized first. */
export function fingerprint(...parts: string[]) {
  return fingerprintNormalized(normalizeText(parts.join('\n')));
}
