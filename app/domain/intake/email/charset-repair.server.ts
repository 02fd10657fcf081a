import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

// Measured trap: mailparser decodes declared charsets (GBK, GB18030, Big5,
// GB2312 mislabelling GBK) correctly, but raw 8-bit GBK with NO declared
// charset, in a header or a body part, comes out garbled. Charset sniffers
// guess wrong on short Chinese text. So: where 8-bit bytes are not valid
// UTF-8 and nothing declares a charset, decode them as GB18030 (a superset of
// GBK and GB2312) and label the part UTF-8 before mailparser sees it.

/** Returns the message unchanged when every byte is already valid UTF-8. */
export function repairUndeclaredCharsets(raw: Buffer): Buffer {
  if (isUtf8(raw)) return raw;
  return Buffer.from(repairEntity(raw.toString('latin1')), 'latin1');
}

const HIGH = /[\x80-\xff]/;

function toUtf8Latin1(bytes: string): string {
  return Buffer.from(iconv.decode(Buffer.from(bytes, 'latin1'), 'gb18030'), 'utf8').toString('latin1');
}

function needsRepair(bytes: string): boolean {
  return HIGH.test(bytes) && !isUtf8(Buffer.from(bytes, 'latin1'));
}

function repairEntity(entity: string): string {
  const match = /\r?\n\r?\n/.exec(entity);
  const headerEnd = match ? match.index : entity.length;
  const separator = match ? match[0] : '';
  let headers = entity.slice(0, headerEnd);
  let body = entity.slice(headerEnd + separator.length);

  headers = headers
    .split(/(\r?\n)/)
    .map((line) => (needsRepair(line) ? toUtf8Latin1(line) : line))
    .join('');

  const contentType = headerValue(headers, 'content-type') ?? 'text/plain';
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(contentType)?.[1];
  if (/^\s*multipart\//i.test(contentType) && boundary) {
    body = repairMultipart(body, boundary);
  } else {
    const encoding = (headerValue(headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
    const declared = /charset\s*=/i.test(contentType);
    if (!declared && !['base64', 'quoted-printable'].includes(encoding) && needsRepair(body)) {
      body = toUtf8Latin1(body);
      headers = /^content-type:/im.test(headers)
        ? headers.replace(/^(content-type:[^\r\n]*)/im, '$1; charset=utf-8')
        : `${headers}\r\nContent-Type: text/plain; charset=utf-8`;
    }
  }
  return headers + separator + body;
}

function repairMultipart(body: string, boundary: string): string {
  const delimiter = `--${boundary}`;
  const pieces = body.split(delimiter);
  // pieces[0] is the preamble; the last piece starts with "--" (the epilogue).
  return pieces
    .map((piece, index) => {
      if (index === 0 || piece.startsWith('--')) return piece;
      const lead = /^[ \t]*\r?\n/.exec(piece)?.[0] ?? '';
      const trail = /\r?\n$/.exec(piece)?.[0] ?? '';
      const inner = piece.slice(lead.length, piece.length - trail.length);
      return lead + repairEntity(inner) + trail;
    })
    .join(delimiter);
}

function headerValue(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const found = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return found?.[1];
}
