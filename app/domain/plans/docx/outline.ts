import type { SectionFields } from '../manage-sections.server.ts';
import { matchHeadingNumber } from './heading-patterns.ts';
import { collapseSpaces, headingText } from './normalize-text.ts';
import type { DocParagraph } from './paragraph.ts';
import { markManualTableOfContents } from './table-of-contents.ts';

export const MAX_LEVEL = 6;
// A numbered line longer than this is a list item inside the text, not a heading.
const MAX_HEADING_LENGTH = 40;
// A paragraph in a heading style may be longer (GB/T clause titles), not a page of text.
const MAX_STYLED_HEADING_LENGTH = 80;
// An unnumbered styled heading whose level no numbered heading has shown yet.
const UNNUMBERED_RANK_BASE = 100;

export type ParsedDraft = { sections: SectionFields[]; preamble: string };
type Found = { heading: Omit<SectionFields, 'bodyMarkdown'>; numbered: boolean; body: string[] };

/** Splits paragraphs into sections at each heading; text before the first heading is the preamble. */
export function buildOutline(paragraphs: DocParagraph[]): ParsedDraft {
  const marked = markManualTableOfContents(paragraphs);
  const preamble: string[] = [];
  const found: Found[] = [];
  const openRanks: number[] = [];
  const rankOfOutlineLevel = new Map<number, number>();
  for (let i = 0; i < marked.length; i++) {
    const paragraph = marked[i]!;
    const full = collapseSpaces(`${paragraph.numberLabel}${paragraph.text}`);
    if (!full || paragraph.inToc) continue;
    const heading =
      paragraph.isTitle || paragraph.inTable ? null : matchHeading(paragraph, rankOfOutlineLevel, openRanks[0]);
    // A GB/T term entry: the number (3.1) stands alone in its heading style, the term follows on the next line.
    const next = marked[i + 1];
    if (
      heading &&
      heading.text === heading.number &&
      next &&
      !next.inTable &&
      next.outlineLevel === undefined &&
      !next.numberLabel
    ) {
      const term = headingText(next.text);
      if (term && term.length <= MAX_STYLED_HEADING_LENGTH && !matchHeadingNumber(term, false)) {
        heading.text = term;
        i++;
      }
    }
    if (!heading) {
      (found.at(-1)?.body ?? preamble).push(escapeMarkdown(full));
      continue;
    }
    while (openRanks.length && openRanks.at(-1)! >= heading.rank) openRanks.pop();
    openRanks.push(heading.rank);
    found.push({
      heading: {
        level: Math.min(openRanks.length, MAX_LEVEL) as SectionFields['level'],
        number: heading.number,
        heading: heading.text,
      },
      numbered: heading.number !== '',
      body: [],
    });
  }
  dropTitle(found, preamble);
  return {
    preamble: preamble.join('\n\n'),
    sections: found.map(({ heading, body }) => ({ ...heading, bodyMarkdown: body.join('\n\n') })),
  };
}

function matchHeading(
  paragraph: DocParagraph,
  rankOfOutlineLevel: Map<number, number>,
  topRank: number | undefined,
): { number: string; text: string; rank: number } | null {
  const styled = paragraph.outlineLevel !== undefined && paragraph.outlineLevel < 9;
  const text = headingText(`${paragraph.numberLabel} ${paragraph.text}`);
  if (text.length > (styled ? MAX_STYLED_HEADING_LENGTH : MAX_HEADING_LENGTH)) return null;
  const number = matchHeadingNumber(text, styled);
  if (number) {
    const rest = number.rest.replace(/[。：:]$/, '').trim();
    // Word's automatic 1.1. in a body style is a numbered list, not a clause: clauses come in heading styles or are typed.
    if (!styled && paragraph.numberLabel && /^[\dA-Z]+\./.test(number.number)) return null;
    // Unstyled lines are headings only when they read like one: no sentence punctuation.
    if (!styled && (/[。；;]$/.test(number.rest) || /[，,]/.test(number.rest))) return null;
    if (styled) rankOfOutlineLevel.set(paragraph.outlineLevel!, number.rank);
    return { number: number.number, text: rest || number.number, rank: number.rank };
  }
  // An unnumbered line the typed 目录 lists (「附则」 closing a code) sits at the top level.
  if (!styled && paragraph.listedInToc) return { number: '', text, rank: topRank ?? UNNUMBERED_RANK_BASE };
  if (!styled) return null;
  const level = paragraph.outlineLevel!;
  return {
    number: '',
    text: text.replace(/[。：:]$/, ''),
    rank: rankOfOutlineLevel.get(level) ?? UNNUMBERED_RANK_BASE + level,
  };
}

// A standard's name repeated above clause 1, in a heading style: an unnumbered
// heading with no text of its own right before the first numbered heading is
// the document's title, not a section.
function dropTitle(found: Found[], preamble: string[]) {
  const firstNumbered = found.findIndex((f) => f.numbered);
  if (firstNumbered <= 0) return;
  const candidate = found[firstNumbered - 1]!;
  if (candidate.numbered || candidate.body.length) return;
  found.splice(firstNumbered - 1, 1);
  preamble.push(escapeMarkdown(candidate.heading.heading));
}

// Word text is prose, not Markdown: characters that would start a list, a
// heading or a quote at the beginning of a paragraph are escaped.
function escapeMarkdown(text: string): string {
  return text.replace(/^([#>*+-]|\d+[.)])/, '\\$1');
}
