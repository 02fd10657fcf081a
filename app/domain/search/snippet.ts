import { normalizeWithMap } from '../text/normalize.ts';

/** Plain pieces of text, some marked as hits: the page renders them with <mark>, never as HTML. */
export type Snippet = { text: string; hit: boolean }[];

const CONTEXT = 40;
const MAX_HITS = 12;

/**
 * A window of `text` around its first match of any term (normalized on both
 * sides, so 師資 marks 师资 and the reverse), with every match inside marked.
 * undefined when the text holds none (the row matched elsewhere).
 */
export function buildSnippet(text: string, terms: string[], width = CONTEXT): Snippet | undefined {
  const usable = terms.filter(Boolean);
  if (!text || usable.length === 0) return undefined;
  const { normalized, origin } = normalizeWithMap(text);
  const hits: [number, number][] = [];
  for (const term of usable) {
    for (
      let at = normalized.indexOf(term);
      at !== -1 && hits.length < MAX_HITS * 4;
      at = normalized.indexOf(term, at + term.length)
    ) {
      hits.push([origin[at]!, origin[at + term.length]!]);
    }
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a[0] - b[0]);
  const start = Math.max(0, hits[0]![0] - width);
  const end = Math.min(text.length, hits[0]![1] + width * 2);
  const pieces: Snippet = [];
  let cursor = start;
  for (const [from, to] of hits) {
    if (from < cursor || to > end) continue;
    if (from > cursor) pieces.push({ text: text.slice(cursor, from), hit: false });
    pieces.push({ text: text.slice(from, to), hit: true });
    cursor = to;
  }
  if (cursor < end) pieces.push({ text: text.slice(cursor, end), hit: false });
  if (start > 0) pieces.unshift({ text: '…', hit: false });
  if (end < text.length) pieces.push({ text: '…', hit: false });
  return pieces.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
}
