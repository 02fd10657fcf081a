import mammoth from 'mammoth';
import { parseDraft, type ParsedDraft } from './parse-draft.ts';

export const MAX_DOCX_BYTES = 5 * 1024 * 1024;

/**
 * Reads a Word draft's paragraphs with mammoth (text only: styles, images and
 * comments are dropped) and splits them into sections by their numbering.
 * Nothing is saved here; the admin previews the result first.
 */
export async function readDocxDraft(bytes: Buffer): Promise<ParsedDraft> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  // mammoth ends every paragraph with a blank line.
  return parseDraft(value.split(/\n\n/));
}
