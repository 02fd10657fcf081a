import { Parser } from 'htmlparser2';
import type { DocParagraph } from './paragraph.ts';

// Some generators (docx4j among them, used by law-database exports) put the
// whole text into one w:altChunk: an HTML or MHT part that Word converts when
// it opens the file. mammoth ignores it, so such a file looked empty.

/** The HTML inside an altChunk part: plain HTML, or the first text/html part of an MHT (MIME) file. */
export function htmlOfChunk(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  if (!/^\s*<|^\uFEFF/.test(text) && /^MIME-Version:/im.test(text)) {
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text)?.[1];
    const parts = boundary ? text.split(`--${boundary}`) : [text];
    for (const part of parts) {
      const split = part.search(/\r?\n\r?\n/);
      if (split < 0) continue;
      const headers = part.slice(0, split);
      if (!/content-type:\s*text\/html/i.test(headers)) continue;
      let body: Buffer = Buffer.from(part.slice(split).trim(), 'latin1');
      if (/content-transfer-encoding:\s*quoted-printable/i.test(headers))
        body = decodeQuotedPrintable(body.toString('latin1'));
      else if (/content-transfer-encoding:\s*base64/i.test(headers))
        body = Buffer.from(body.toString('latin1'), 'base64');
      return body.toString('utf8');
    }
    return '';
  }
  return bytes.toString('utf8');
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'td', 'th', 'blockquote', 'pre']);

/** Paragraphs of an HTML chunk: <hN> carries outline level N-1, table cells are never headings. */
export function paragraphsOfHtml(html: string): DocParagraph[] {
  const out: DocParagraph[] = [];
  let text = '';
  let tableDepth = 0;
  let skipDepth = 0;
  let heading: number | undefined;
  const flush = () => {
    if (text.trim())
      out.push({
        text,
        numberLabel: '',
        outlineLevel: heading === undefined ? undefined : heading - 1,
        inTable: tableDepth > 0,
        inToc: false,
        isTitle: heading === 1,
      });
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style' || name === 'head') skipDepth++;
        if (name === 'table') tableDepth++;
        if (name === 'br') text += ' ';
        if (BLOCKS.has(name)) {
          flush();
          const match = /^h([1-6])$/.exec(name);
          if (match) heading = Number(match[1]);
        }
      },
      ontext(data) {
        if (!skipDepth) text += data;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style' || name === 'head') skipDepth--;
        if (BLOCKS.has(name)) {
          flush();
          heading = undefined;
        }
        if (name === 'table') tableDepth--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return out;
}
