import { collapseSpaces } from './normalize-text.ts';
import type { DocParagraph } from './paragraph.ts';

// Lines of a typed (not generated) table of contents end in a tab and a page number.
const PAGE_NUMBER_END = /\t\s*[\dIVXLivxl]+\s*$/;
const TOC_TITLE = /^(目录|目次|contents|table of contents)$/i;
const MAX_ENTRY_LENGTH = 80;

/**
 * Marks a manual 目录/目次 block: its title, then either lines ending in a page
 * number, or lines that the body repeats as headings — the block ends where its
 * first entry appears again.
 */
export function markManualTableOfContents(paragraphs: DocParagraph[]): DocParagraph[] {
  const out = paragraphs.map((p) => ({ ...p }));
  const key = (p: DocParagraph) => collapseSpaces(p.text).replace(/\s/g, '');
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.inToc || !TOC_TITLE.test(key(out[i]!))) continue;
    out[i]!.inToc = true;
    let first = i + 1;
    while (first < out.length && !key(out[first]!)) first++;
    if (first >= out.length) break;
    if (out[first]!.inToc) continue;
    const repeatAt = out.findIndex((p, j) => j > first && key(p) === key(out[first]!));
    const block = repeatAt > first ? out.slice(first, repeatAt) : [];
    if (block.length && block.every((p) => collapseSpaces(p.text).length <= MAX_ENTRY_LENGTH)) {
      for (const p of block) p.inToc = true;
      const entries = new Set(block.map(key));
      for (const p of out.slice(repeatAt)) if (!p.inTable && entries.has(key(p))) p.listedInToc = true;
      continue;
    }
    for (let j = first; j < out.length && (PAGE_NUMBER_END.test(out[j]!.text) || !key(out[j]!)); j++)
      out[j]!.inToc = true;
  }
  return out;
}
