import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';

const MAX_TEXT = 200_000;

/**
 * The text of a .docx, .pdf or .txt attachment, for staff reading and search.
 * Failures return undefined; the file itself is always kept. pdfjs-dist stays
 * on 4.10 (Node 20 support; later majors need Node 22).
 */
export async function attachmentText(extension: string, bytes: Buffer): Promise<string | undefined> {
  try {
    if (extension === 'txt') {
      const text = isUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
      return text.replace(/^\uFEFF/, '').slice(0, MAX_TEXT);
    }
    if (extension === 'pdf') return await pdfText(bytes);
    if (extension === 'docx') {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      return value.trim().slice(0, MAX_TEXT) || undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

async function pdfText(bytes: Buffer): Promise<string | undefined> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // verbosity 0: pdfjs reports recoverable oddities through console.log.
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= document.numPages && length < MAX_TEXT; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      pages.push(text);
      length += text.length;
    }
    return pages.join('\n').trim().slice(0, MAX_TEXT) || undefined;
  } finally {
    await document.destroy();
  }
}
