import { decodeBest, type Decoding } from './choose-decoding.ts';

// Header fields arrive three ways: raw 8-bit bytes in no declared charset,
// RFC 2047 encoded words (=?GB2312?B?…?=, often split mid-character across
// adjacent words), and RFC 2231 parameters (filename*=gbk''%C4%E3…). Each is
// decoded by the best candidate and written back as UTF-8, so that mailparser
// only ever sees UTF-8. Headers are handled as Latin-1 strings (one char per byte).

export type HeaderReport = (decoding: Decoding, field: string) => void;

// One encoded word; a run of them with only folding whitespace between is one text.
const ENCODED_WORD = /=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]*)\?=/g;
// name*=, name*0*= (extended, percent-encoded) and name*1= (a plain continuation).
const RFC2231 = /;[ \t]*([A-Za-z0-9_.-]{1,60})(?:\*(\d{1,3}))?(\*)?[ \t]*=[ \t]*("[^"]*"|[^;\s]*)/g;

/** Rewrites one unfolded-or-folded header field (name and value, Latin-1). */
export function repairHeaderField(field: string, report: HeaderReport): string {
  const name = /^[^:]*/.exec(field)![0].trim().toLowerCase();
  let value = field;
  if (/[\x80-\xff]/.test(value)) {
    const decoding = decodeBest(Buffer.from(value, 'latin1'));
    report(decoding, name);
    value = Buffer.from(decoding.text, 'utf8').toString('latin1');
  }
  value = repairEncodedWords(value, name, report);
  return repairExtendedParameters(value, name, report);
}

function repairEncodedWords(value: string, name: string, report: HeaderReport): string {
  const words = [...value.matchAll(ENCODED_WORD)];
  if (words.length === 0) return value;
  let out = '';
  let last = 0;
  let run: { charset: string; bytes: Buffer[] } | undefined;
  const flush = () => {
    if (!run) return;
    const decoding = decodeBest(Buffer.concat(run.bytes), [run.charset]);
    report(decoding, name);
    out += `=?UTF-8?B?${Buffer.from(decoding.text, 'utf8').toString('base64')}?=`;
    run = undefined;
  };
  for (const word of words) {
    const between = value.slice(last, word.index);
    const charset = word[1]!.replace(/\*.*$/, '').toLowerCase(); // RFC 2231 language suffix
    const bytes = word[2]!.toLowerCase() === 'b' ? Buffer.from(word[3]!, 'base64') : decodeQ(word[3]!);
    if (run && /^[ \t\r\n]*$/.test(between) && run.charset === charset) {
      run.bytes.push(bytes);
    } else {
      flush();
      out += between;
      run = { charset, bytes: [bytes] };
    }
    last = word.index + word[0].length;
  }
  flush();
  return out + value.slice(last);
}

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(char === '_' ? 0x20 : char.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

function repairExtendedParameters(value: string, name: string, report: HeaderReport): string {
  const params = [...value.matchAll(RFC2231)];
  if (params.length === 0) return value;
  const byName = new Map<string, RegExpExecArray[]>();
  for (const param of params) {
    if (param[2] === undefined && !param[3]) continue; // a plain name=value
    const key = param[1]!.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), param as RegExpExecArray]);
  }
  let out = value;
  for (const [param, segments] of byName) {
    segments.sort((a, b) => Number(a[2] ?? 0) - Number(b[2] ?? 0));
    const first = segments[0]!;
    if (!first[3]) continue; // not extended: a plain continuation, left to mailparser
    const raw = first[4]!.replace(/^"|"$/g, '');
    const prefix = /^([^']*)'[^']*'/.exec(raw);
    const bytes: Buffer[] = [];
    for (const segment of segments) {
      let text = segment[4]!.replace(/^"|"$/g, '');
      if (segment === first && prefix) text = text.slice(prefix[0].length);
      bytes.push(segment[3] ? percentDecode(text) : Buffer.from(text, 'latin1'));
    }
    const decoding = decodeBest(Buffer.concat(bytes), [prefix?.[1]]);
    report(decoding, `${name}:${param}`);
    const replacement = `; ${param}*=utf-8''${encodeURIComponent(decoding.text)}`;
    for (const segment of segments) out = out.replace(segment[0], segment === first ? replacement : '');
  }
  return out;
}

function percentDecode(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}
