import { maskName } from './mask.ts';
import { isBlank, isDigit, linesOf, type ContactSpan } from './text-spans.ts';

// The signature under a letter or mail is who wrote it, not what they
// suggest: name, unit, title, phone, often without any label. Two closings
// mark one reliably:
// - the RFC 3676 delimiter line "-- " (mail clients write it): up to six
//   lines after it, until a blank line (in a quoted reply too, after "> ");
// - 「此致 敬礼」 or 「致 礼」, the closing of a Chinese letter: up to four short lines
//   after it, except a date (「2026年12月7日」 stays).
// Each such line is masked like a name (first character, then **): a 2-character
// prefix would show most of a three-character name.
// Limit: a signature with neither closing is not recognised, so a bare name
// on the last line of a web post stays (labels and numbers in it are still found).

const SIGNATURE_LINES = 6;
const LETTER_CLOSING_LINES = 4;
const SHORT_LINE = 60;

export function signatureSpans(text: string): ContactSpan[] {
  const lines = linesOf(text).map(({ start, end }) => unquoted(text, start, end));
  const spans: ContactSpan[] = [];
  for (let k = 0; k < lines.length; k++) {
    const trimmed = text.slice(lines[k]!.start, lines[k]!.end).trim();
    const previous = k > 0 ? text.slice(lines[k - 1]!.start, lines[k - 1]!.end).trim() : '';
    const delimiter = trimmed === '--' || trimmed === '—' || trimmed === '——';
    if (!delimiter && !isLetterClosing(trimmed, previous)) continue;
    const limit = delimiter ? SIGNATURE_LINES : LETTER_CLOSING_LINES;
    let taken = 0;
    let m = k + 1;
    for (; m < lines.length && taken < limit; m++) {
      const { start, end } = lines[m]!;
      const content = text.slice(start, end).trim();
      if (!content) {
        if (taken > 0) break;
        continue;
      }
      if (content.length > SHORT_LINE) break;
      taken += 1;
      if (!delimiter && isDate(content)) continue;
      let from = start;
      while (isBlank(text[from])) from += 1;
      let to = end;
      while (to > from && isBlank(text[to - 1])) to -= 1;
      spans.push({ start: from, end: to, kind: 'signature', masked: maskName(content) });
    }
    k = m - 1;
  }
  return spans;
}

// A quoted reply's signature is as personal as the sender's own: look past "> ".
function unquoted(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from < end && (text[from] === '>' || isBlank(text[from]))) from += 1;
  return { start: from, end };
}

// 「此致 敬礼！」「此致敬礼」「致\n礼！」 with any closing punctuation.
function isLetterClosing(line: string, previous: string): boolean {
  const bare = withoutClosingMarks(line);
  if (bare === '此致敬礼' || bare === '致礼') return true;
  if (bare.endsWith('敬礼')) return line.includes('此致') || withoutClosingMarks(previous) === '此致';
  return bare === '礼' && withoutClosingMarks(previous) === '致';
}

function withoutClosingMarks(line: string): string {
  let end = line.length;
  while (end > 0 && '!！。.、,， '.includes(line[end - 1]!)) end -= 1;
  return line.slice(0, end).replace(/\s/g, '');
}

// 2026年12月7日, 2026-12-07, 2026.12.7, 二〇二六年十二月七日: a date line, not a signature line.
function isDate(line: string): boolean {
  let digits = 0;
  for (const c of line) {
    if (isDigit(c) || '〇零一二三四五六七八九十'.includes(c)) digits += 1;
    else if (!'年月日号-./ '.includes(c)) return false;
  }
  return digits >= 4;
}
