import { buildOutline, type ParsedDraft } from './docx/outline.ts';

export type { ParsedDraft } from './docx/outline.ts';

/**
 * Splits plain-text paragraphs (no styles, no automatic numbers) into sections
 * by the numbers typed at their start: 第X编/章/节, 一、, （一）, 1、, 5.1 and 附录A.
 * Word files go through readDocxDraft, which knows their styles as well.
 */
export function parseDraft(paragraphs: string[]): ParsedDraft {
  return buildOutline(
    paragraphs.map((text) => ({
      text,
      numberLabel: '',
      outlineLevel: undefined,
      inTable: false,
      inToc: false,
      isTitle: false,
    })),
  );
}
