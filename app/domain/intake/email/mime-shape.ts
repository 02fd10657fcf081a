// Counts a message's MIME parts and how deeply multiparts nest, from the raw
// bytes, before any parser sees them (issue 15: a message of ten thousand
// parts, or multiparts nested a thousand deep, costs the parser memory and
// time out of all proportion to its size). One pass over the lines, no
// regular expression on unbounded input; it stops as soon as a limit is passed.

export const MIME_MAX_PARTS = 250;
export const MIME_MAX_DEPTH = 16;

export type MimeShape = { parts: number; depth: number; exceeded: boolean };

// A header block longer than this is not read further for its Content-Type.
const MAX_HEADER_BLOCK = 64 * 1024;

export function mimeShape(raw: Uint8Array, limits = { parts: MIME_MAX_PARTS, depth: MIME_MAX_DEPTH }): MimeShape {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  // Open multiparts, innermost last: their delimiter and nesting depth.
  const open: { delimiter: string; depth: number }[] = [];
  let parts = 1;
  let maxDepth = 0;
  let depth = 0;
  let inHeaders = true;
  let header = '';
  let position = 0;
  while (position <= text.length) {
    const newline = text.indexOf('\n', position);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(position, end > position && text[end - 1] === '\r' ? end - 1 : end);
    position = end + 1;
    if (inHeaders) {
      if (line !== '') {
        if (header.length < MAX_HEADER_BLOCK) header += /^[ \t]/.test(line) ? ` ${line.trim()}` : `\n${line}`;
        if (newline >= 0) continue;
      }
      const type = contentType(header);
      header = '';
      inHeaders = false;
      if (type.multipart && type.boundary) {
        depth += 1;
        open.push({ delimiter: `--${type.boundary}`, depth });
      } else if (type.message) {
        // A forwarded message's own header block follows at once.
        depth += 1;
        inHeaders = true;
      }
      maxDepth = Math.max(maxDepth, depth);
      if (maxDepth > limits.depth) return { parts, depth: maxDepth, exceeded: true };
      continue;
    }
    if (!line.startsWith('--') || open.length === 0) {
      if (newline < 0) break;
      continue;
    }
    const trimmed = line.trimEnd();
    for (let i = open.length - 1; i >= 0; i--) {
      const { delimiter, depth: level } = open[i]!;
      if (!trimmed.startsWith(delimiter)) continue;
      const rest = trimmed.slice(delimiter.length);
      if (rest === '--') {
        open.length = i;
        depth = level - 1;
      } else if (rest === '') {
        open.length = i + 1;
        depth = level;
        parts += 1;
        inHeaders = true;
        if (parts > limits.parts) return { parts, depth: maxDepth, exceeded: true };
      } else continue;
      break;
    }
    if (newline < 0) break;
  }
  return { parts, depth: maxDepth, exceeded: false };
}

function contentType(header: string): { multipart: boolean; message: boolean; boundary?: string } {
  const start = header.toLowerCase().indexOf('\ncontent-type:');
  if (start < 0) return { multipart: false, message: false };
  const lineEnd = header.indexOf('\n', start + 1);
  const value = header.slice(start + '\ncontent-type:'.length, lineEnd < 0 ? undefined : lineEnd).trim();
  const type = value.split(';', 1)[0]!.trim().toLowerCase();
  const boundary = parameter(value, 'boundary');
  return {
    multipart: type.startsWith('multipart/'),
    message: type === 'message/rfc822' || type === 'message/global',
    boundary,
  };
}

function parameter(value: string, name: string): string | undefined {
  for (const piece of value.split(';').slice(1)) {
    const eq = piece.indexOf('=');
    if (eq < 0 || piece.slice(0, eq).trim().toLowerCase() !== name) continue;
    const raw = piece.slice(eq + 1).trim();
    return raw.startsWith('"') ? raw.slice(1, raw.indexOf('"', 1) < 0 ? undefined : raw.indexOf('"', 1)) : raw;
  }
  return undefined;
}
