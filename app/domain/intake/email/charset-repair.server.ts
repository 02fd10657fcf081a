import { decodeBest, type Decoding } from './decode/choose-decoding.ts';
import { repairHeaderField } from './decode/header-text.ts';

// mailparser trusts labels, and Chinese mail's labels lie (see
// decode/choose-decoding.ts). So before mailparser sees a message, every
// header and every text part is decoded here by the best candidate and
// written back as UTF-8: text parts as base64 with charset=utf-8, headers as
// raw UTF-8 or =?UTF-8?B?…?= words. Attachments are not touched (their bytes
// are the file). The message is handled as a Latin-1 string: one char per byte.

export type DecodingProblem = { where: string; charset: string };
export type RepairedMessage = { raw: Buffer; problems: DecodingProblem[] };

/** Returns the message with every header and text part in UTF-8, and where no candidate decoded cleanly. */
export function repairCharsets(raw: Buffer): RepairedMessage {
  const problems: DecodingProblem[] = [];
  const report = (decoding: Decoding, where: string) => {
    if (!decoding.clean) problems.push({ where, charset: decoding.charset });
  };
  const repaired = repairEntity(raw.toString('latin1'), report, 0);
  return { raw: Buffer.from(repaired, 'latin1'), problems };
}

type Report = (decoding: Decoding, where: string) => void;

// Nesting beyond this is left as it is (mailparser still reads it, labels trusted).
const MAX_DEPTH = 20;

function repairEntity(entity: string, report: Report, depth: number): string {
  const match = /\r?\n\r?\n/.exec(entity);
  const headerEnd = match ? match.index : entity.length;
  const separator = match ? match[0] : '';
  const newline = /\r\n/.test(entity.slice(0, headerEnd + 2)) ? '\r\n' : '\n';
  const fields = entity
    .slice(0, headerEnd)
    .split(/\r?\n(?![ \t])/)
    .map((field) => (field ? repairHeaderField(field, report) : field));
  let body = entity.slice(headerEnd + separator.length);

  const contentType = fieldValue(fields, 'content-type') ?? 'text/plain';
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (/^\s*multipart\//i.test(contentType) && boundary && depth < MAX_DEPTH) {
    return fields.join(newline) + separator + repairMultipart(body, boundary[1] ?? boundary[2]!, report, depth);
  }
  const mediaType = /^\s*([^;\s]*)/.exec(contentType)![1]!.toLowerCase();
  const disposition = fieldValue(fields, 'content-disposition') ?? '';
  // A text part with "attachment" disposition is a file (a .txt): its bytes stay as sent.
  // An inline one is body text to mailparser, so it is decoded like any other.
  if (!['text/plain', 'text/html', ''].includes(mediaType) || /^\s*attachment/i.test(disposition) || !match) {
    return fields.join(newline) + separator + body;
  }
  const encoding = (fieldValue(fields, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body, 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'latin1');
  const label = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  // An HTML part's <meta charset> is a second label, as often wrong as the first.
  const meta =
    mediaType === 'text/html'
      ? /<meta\b[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})/i.exec(body.slice(0, 4096))?.[1]
      : undefined;
  const decoding = decodeBest(bytes, [label, meta]);
  report(decoding, mediaType === 'text/html' ? 'html' : 'text');
  body = Buffer.from(decoding.text, 'utf8').toString('base64').replace(/.{76}/g, `$&${newline}`);
  const kept = fields.filter((field) => !/^content-(type|transfer-encoding)\s*:/i.test(field));
  const type = `Content-Type: ${mediaType || 'text/plain'}; charset=utf-8`;
  return [...kept, type, 'Content-Transfer-Encoding: base64'].join(newline) + separator + body + newline;
}

function repairMultipart(body: string, boundary: string, report: Report, depth: number): string {
  const delimiter = `--${boundary}`;
  const pieces = body.split(delimiter);
  // pieces[0] is the preamble; the last piece starts with "--" (the epilogue).
  return pieces
    .map((piece, index) => {
      if (index === 0 || piece.startsWith('--')) return piece;
      const lead = /^[ \t]*\r?\n/.exec(piece)?.[0] ?? '';
      const trail = /\r?\n$/.exec(piece)?.[0] ?? '';
      const inner = piece.slice(lead.length, piece.length - trail.length);
      return lead + repairEntity(inner, report, depth + 1) + trail;
    })
    .join(delimiter);
}

function fieldValue(fields: string[], name: string): string | undefined {
  const field = fields.find((f) => f.slice(0, name.length + 1).toLowerCase() === `${name}:`);
  return field
    ?.slice(name.length + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char !== 0x3d) {
      bytes.push(char & 0xff);
      continue;
    }
    const hex = text.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (text[i + 1] === '\n' || text.slice(i + 1, i + 3) === '\r\n') {
      i += text[i + 1] === '\n' ? 1 : 2; // soft line break
    } else bytes.push(char);
  }
  return Buffer.from(bytes);
}
