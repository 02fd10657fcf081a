import { readDocxParagraphs } from './docx/read-docx.ts';
import { buildOutline, type ParsedDraft } from './docx/outline.ts';

export { DocxReadError } from './docx/read-docx.ts';
export const MAX_DOCX_BYTES = 5 * 1024 * 1024;

/**
 * Reads a Word draft's WordprocessingML directly (styles, automatic numbering,
 * tables of contents, HTML chunks) and splits it into sections by the outline
 * a reader sees. Nothing is saved here; the admin previews the result first.
 * Throws DocxReadError (not a Word file, or a ZIP over the decompression caps).
 */
export async function readDocxDraft(bytes: Buffer): Promise<ParsedDraft> {
  return buildOutline(readDocxParagraphs(bytes));
}
