import type { SectionFields } from './manage-sections.server.ts';

// Heading patterns of Chinese official documents (GB/T 9704 numbering):
// 第一章 … is a chapter; 一、 and （一） are sections within it. plan_sections has
// two levels, so （一） sits at level 2 beside 一、 — its number keeps the nesting
// visible. Full-width and ASCII parentheses both occur in pasted text.
const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const patterns: { level: 1 | 2; regex: RegExp }[] = [
  { level: 1, regex: new RegExp(`^(第${NUMERAL}章)\\s*(.*)$`) },
  { level: 2, regex: new RegExp(`^(${NUMERAL}、)\\s*(.*)$`) },
  { level: 2, regex: new RegExp(`^([（(]${NUMERAL}[）)])\\s*(.*)$`) },
];

// A numbered line longer than this is a list item inside the text, not a heading.
const MAX_HEADING_LENGTH = 40;

export type ParsedDraft = { sections: SectionFields[]; preamble: string };

/** Splits a draft's paragraphs into sections at each heading; text before the first heading is the preamble. */
export function parseDraft(paragraphs: string[]): ParsedDraft {
  const preamble: string[] = [];
  const found: { heading: Omit<SectionFields, 'bodyMarkdown'>; body: string[] }[] = [];
  for (const raw of paragraphs) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const heading = matchHeading(text);
    if (heading) found.push({ heading, body: [] });
    else (found.at(-1)?.body ?? preamble).push(escapeMarkdown(text));
  }
  return {
    preamble: preamble.join('\n\n'),
    sections: found.map(({ heading, body }) => ({ ...heading, bodyMarkdown: body.join('\n\n') })),
  };
}

function matchHeading(text: string): { level: 1 | 2; number: string; heading: string } | null {
  if (text.length > MAX_HEADING_LENGTH) return null;
  for (const { level, regex } of patterns) {
    const match = regex.exec(text);
    if (match) return { level, number: match[1]!.replace('(', '（').replace(')', '）'), heading: match[2]!.replace(/[。：:]$/, '').trim() };
  }
  return null;
}

// Word text is prose, not Markdown: characters that would start a list, a
// heading or a quote at the beginning of a paragraph are escaped.
function escapeMarkdown(text: string): string {
  return text.replace(/^([#>*+-]|\d+[.)])/, '\\$1');
}
