import iconv from 'iconv-lite';
import { isCommonChinese, type HanList } from './common-han.ts';
import { decodeHz, looksLikeHz } from './hz.ts';

// Labels lie: Chinese mail arrives labelled GB2312 with UTF-8 bytes, labelled
// us-ascii or iso-8859-1 (or not at all) with Big5 or GBK bytes, and as UTF-8
// that some gateway made from Big5 read as Latin-1. So every piece of text is
// decoded by each candidate (UTF-8, GB18030, Big5-HKSCS, the label, and the
// HTML <meta charset>) and each result is scored; the best wins. Decoders are
// TextDecoder's (ICU), except Big5: Node's ICU "big5" is plain Big5 that maps
// unassigned bytes (even 0xFF) to private-use characters instead of failing,
// and lacks HKSCS, so Big5 is iconv-lite's "big5hkscs" (CP950 + HKSCS).

export type Decoding = {
  text: string;
  /** The decoder used, e.g. "gb18030", "big5", or "utf-8>big5" for undone double encoding. */
  charset: string;
  /** No byte sequence was invalid (no U+FFFD) or unreadable (no private-use character) in the chosen decoding. */
  clean: boolean;
};

type Scored = Decoding & { invalid: number; cost: number; rank: number };

const ORDER = ['utf-8', 'gb18030', 'big5'];

/** Decodes bytes by the best of several candidates; see the header comment. */
export function decodeBest(bytes: Uint8Array, labels: (string | undefined)[] = []): Decoding {
  const declared = labels.map(normalizeLabel).filter((label): label is string => label !== undefined);
  if (declared.includes('hz-gb-2312') || (!hasHighBytes(bytes) && looksLikeHz(bytes) && declared.length === 0)) {
    const text = decodeHz(bytes);
    return { text, charset: 'hz-gb-2312', clean: !text.includes('\uFFFD') };
  }
  if (!hasHighBytes(bytes)) {
    // 7-bit text is ASCII unless the label is a 7-bit encoding (ISO-2022-JP).
    const seven = declared.find((label) => label.startsWith('iso-2022'));
    const text = seven ? (tryDecode(bytes, seven) ?? latin1(bytes)) : latin1(bytes);
    // Escape sequences under a label no decoder knows (ISO-2022-CN): unreadable.
    const unknownEscapes =
      !seven && declared.length < labels.filter((label) => label?.trim()).length && bytes.includes(0x1b);
    return { text, charset: seven ?? 'us-ascii', clean: !text.includes('\uFFFD') && !unknownEscapes };
  }
  const names = [...new Set([...declared, ...ORDER])];
  const scored: Scored[] = [];
  for (const [index, name] of names.entries()) {
    const text = tryDecode(bytes, name);
    if (text === undefined) continue;
    // On a tie: UTF-8 first, then the label (it is evidence), GB18030, Big5.
    const rank = name === 'utf-8' ? -1 : index < declared.length ? index : declared.length + ORDER.indexOf(name);
    scored.push(score(text, name, rank));
    if (name === 'utf-8') scored.push(...undoDoubleEncoding(text, rank));
  }
  const utf8 = scored.find((s) => s.charset === 'utf-8' && s.invalid === 0);
  // Strict UTF-8 first: valid UTF-8 of any length is almost never anything
  // else, except double-encoded text (which must then decode cleanly and read
  // better) and short GBK/Big5 that happens to be valid UTF-8 too: 学校 in GBK
  // (D1 A7 D0 A3) is UTF-8 for Cyrillic "ѧУ". Then the other candidates
  // compete on cost too.
  const doubtful = utf8 !== undefined && looksAccidental(utf8.text);
  const pool = utf8 && !doubtful ? scored.filter((s) => s.charset.startsWith('utf-8') && s.invalid === 0) : scored;
  const best = pool.sort((a, b) => a.invalid - b.invalid || a.cost - b.cost || a.rank - b.rank)[0]!;
  return { text: best.text, charset: best.charset, clean: best.invalid === 0 };
}

/**
 * UTF-8 that reads as C1 controls, or as Greek-to-Arabic letters that mostly
 * stand alone or in pairs: real Greek, Russian or Arabic forms words of three
 * letters and more; GBK or Big5 bytes read as UTF-8 give scattered pairs.
 */
function looksAccidental(text: string): boolean {
  if (/[\u0080-\u009f]/.test(text)) return true;
  let total = 0;
  let inWords = 0;
  for (const run of text.match(/[\u0370-\u07ff]+/g) ?? []) {
    total += run.length;
    if (run.length >= 3) inWords += run.length;
  }
  return total > 0 && inWords * 2 < total;
}

function undoDoubleEncoding(text: string, rank: number): Scored[] {
  // Only text that reads as Latin-1 alone (every char below U+0100, some above ASCII).
  if (!/[\u0080-\u00ff]/.test(text) || /[^\t\n\r\u0020-\u00ff]/.test(text)) return [];
  const bytes = Buffer.from(text, 'latin1');
  const repaired: Scored[] = [];
  for (const name of ['gb18030', 'big5']) {
    const again = tryDecode(bytes, name)!;
    const candidate = score(again, `utf-8>${name}`, rank);
    if (candidate.invalid === 0) repaired.push(candidate);
  }
  return repaired;
}

function score(text: string, charset: string, rank: number): Scored {
  const list: HanList = /gb/.test(charset) ? 'gb' : /big5/.test(charset) ? 'big5' : 'any';
  let invalid = 0;
  let cost = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    // Private use: bytes of a user-defined area, which no reader can see.
    if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000) invalid++;
    else cost += charCost(code, list);
  }
  return { text, charset, clean: invalid === 0, invalid, cost, rank };
}

/** How unlikely a character is in mail a Chinese reader wrote (0 = expected). */
function charCost(code: number, list: HanList): number {
  if (isCommonChinese(code, list)) return 0;
  if (code >= 0x80 && code <= 0x9f) return 5; // C1 controls: a wrong single-byte guess
  if (code >= 0x3040 && code <= 0x30ff) return 2; // kana: Chinese read as a Japanese encoding
  if (code >= 0xac00 && code <= 0xd7af) return 2; // hangul
  if (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) return 0.3; // accented letters of Latin-1 text
  if (code >= 0xa0 && code <= 0xff) return 1; // Latin-1 symbols: typical of CJK bytes read as Latin-1
  if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0x20000 && code <= 0x3ffff)) return 1; // rare hanzi
  return 0.5;
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  if (label === 'big5') return iconv.decode(Buffer.from(bytes), 'big5hkscs');
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return undefined; // a label TextDecoder does not know
  }
}

function normalizeLabel(label: string | undefined): string | undefined {
  const trimmed = label
    ?.trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!trimmed) return undefined;
  if (['hz-gb-2312', 'hz', 'hz-gb2312'].includes(trimmed)) return 'hz-gb-2312';
  if (['us-ascii', 'ascii', 'ansi_x3.4-1968'].includes(trimmed)) return 'windows-1252';
  try {
    const encoding = new TextDecoder(trimmed).encoding;
    // "replacement" (ISO-2022-KR, HZ…) decodes nothing; a GB label is read as GB18030.
    if (encoding === 'replacement') return undefined;
    return encoding === 'gbk' ? 'gb18030' : encoding;
  } catch {
    return undefined;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}
