import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';

const MAX_TEXT = 200_000;

/**
 * The text of a .docx or .txt attachment, for staff reading and search. PDF
 * text is not extracted yet: the maintained PDF libraries need Node 22.
 * Failures return undefined; the file itself is always kept.
 */
export async function attachmentText(extension: string, bytes: Buffer): Promise<string | undefined> {
  try {
    if (extension === 'txt') {
      const text = isUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
      return text.replace(/^\uFEFF/, '').slice(0, MAX_TEXT);
    }
    if (extension === 'docx') {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      return value.trim().slice(0, MAX_TEXT) || undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
