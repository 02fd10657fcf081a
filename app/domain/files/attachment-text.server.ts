import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import {
  DEFAULT_EXTRACTION_BUDGET,
  extractInWorker,
  MAX_TEXT,
  type ExtractionBudget,
  type TextNote,
} from './text-extraction.server.ts';

export type AttachmentText = { extractedText?: string; textNote?: TextNote };

/**
 * The text of a .docx, .pdf or .txt attachment, for staff reading and search,
 * for mail and web-form attachments alike. Failures give no text; a zip bomb,
 * a time-out or a memory overrun also give a note saying so. The file itself
 * is always kept. pdfjs-dist stays on 4.10 (Node 20 support; later majors
 * need Node 22).
 */
export async function attachmentText(
  extension: string,
  bytes: Uint8Array,
  budget: ExtractionBudget = DEFAULT_EXTRACTION_BUDGET,
): Promise<AttachmentText> {
  if (extension === 'txt') {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const text = isUtf8(buffer) ? buffer.toString('utf8') : iconv.decode(buffer, 'gb18030');
    return present(text.replace(/^\uFEFF/, '').slice(0, MAX_TEXT));
  }
  if (extension !== 'pdf' && extension !== 'docx') return {};
  const { text, note } = await extractInWorker(extension, bytes, budget);
  return note ? { textNote: note } : present(text?.trim());
}

function present(text: string | undefined): AttachmentText {
  return text ? { extractedText: text } : {};
}
