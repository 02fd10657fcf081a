import { maskPhone } from './mask.ts';
import { asciiDigit, isDigit, isLatinLetter, type ContactKind, type ContactSpan } from './text-spans.ts';

// Phone numbers, 身份证号 and bank card numbers written anywhere in a text.
// A number is a few digit groups joined by one or two separators
// (138 1234 5678, 0376-6391234, (010) 6512 3456, +86 138-0013-8000); every
// start of a group is tried, joining at most 19 digits, so the work is linear.
// What is NOT a contact: years and ranges (2021-2025), amounts (5000万元,
// 12,000,000), dates, section numbers (3.2.1), numbers inside URLs, and a
// local number without its area code unless a label says it is a phone
// (labels-in-text.ts does that).

type Group = { start: number; end: number; digits: string; plus: boolean };

const SEPARATORS = new Set([' ', '-', '\u2010', '\u2013', '\u2014', '\u00a0', '(', ')', '\uff08', '\uff09', '\uff0d']);
const OPENING = new Set(['(', '\uff08']);
const MAX_DIGITS = 19;

export function numberSpans(text: string, inUrl: (at: number) => boolean): ContactSpan[] {
  const spans: ContactSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const startsGroup = isDigit(text[i]) || (text[i] === '+' && isDigit(text[i + 1]));
    if (!startsGroup || !leftBoundary(text, i) || inUrl(i)) {
      i += 1;
      continue;
    }
    const groups = groupsFrom(text, i);
    spans.push(...matchGroups(text, groups));
    i = groups[groups.length - 1]!.end;
  }
  return spans;
}

// "v2", "No.5", "3.2.13800138000" and the middle of a word are not the start of a number.
function leftBoundary(text: string, at: number): boolean {
  const before = text[at - 1];
  return !(
    isDigit(before) ||
    isLatinLetter(before) ||
    before === '.' ||
    before === '_' ||
    before === '/' ||
    before === '+'
  );
}

function groupsFrom(text: string, from: number): Group[] {
  const groups: Group[] = [];
  let i = from;
  for (;;) {
    const plus = text[i] === '+';
    const start = i;
    if (plus) i += 1;
    let digits = '';
    while (isDigit(text[i])) digits += asciiDigit(text[i++]!);
    // The 18th character of a 身份证号 may be the check letter X.
    if (digits.length === 17 && (text[i] === 'X' || text[i] === 'x' || text[i] === '\uff38')) {
      digits += 'X';
      i += 1;
    }
    groups.push({ start, end: i, digits, plus });
    let gap = i;
    while (gap - i < 2 && SEPARATORS.has(text[gap]!)) gap += 1;
    const next = text[gap] === '+' ? text[gap + 1] : text[gap];
    if (gap === i || !isDigit(next) || groups.length > 8) return groups;
    i = gap;
  }
}

function matchGroups(text: string, groups: Group[]): ContactSpan[] {
  const spans: ContactSpan[] = [];
  let i = 0;
  while (i < groups.length) {
    let best: { j: number; kind: ContactKind; masked: string } | undefined;
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      // A group after the first is part of a number only if it has three digits or more:
      // "15 30 20 12" in a table is not a phone.
      if (j > i && groups[j]!.digits.length < 3) break;
      digits += groups[j]!.digits;
      if (digits.length > MAX_DIGITS) break;
      const found = classify(digits, groups[i]!.plus, j - i + 1);
      if (found) best = { j, ...found };
      if (digits.endsWith('X')) break;
    }
    if (!best) {
      i += 1;
      continue;
    }
    const first = groups[i]!;
    const start = OPENING.has(text[first.start - 1]!) ? first.start - 1 : first.start;
    spans.push({ start, end: groups[best.j]!.end, kind: best.kind, masked: best.masked });
    i = best.j + 1;
  }
  return spans;
}

function classify(
  digits: string,
  plus: boolean,
  groupCount: number,
): { kind: ContactKind; masked: string } | undefined {
  if (digits.endsWith('X')) return isIdNumber(digits) ? { kind: 'id_number', masked: '*'.repeat(18) } : undefined;
  const national =
    plus && digits.startsWith('86') ? digits.slice(2) : digits.startsWith('0086') ? digits.slice(4) : digits;
  if (national.length === 11 && /^1[3-9]/.test(national)) return { kind: 'mobile', masked: maskPhone(national) };
  if (isLandline(national)) return { kind: 'landline', masked: maskPhone(national) };
  if (national.length === 10 && (national.startsWith('400') || national.startsWith('800')))
    return { kind: 'service_number', masked: `${national.slice(0, 3)}-${'*'.repeat(7)}` };
  if (plus && digits.length >= 8 && digits.length <= 15)
    return { kind: 'landline', masked: `+${'*'.repeat(digits.length)}` };
  if (digits.length === 18 && isIdNumber(digits)) return { kind: 'id_number', masked: '*'.repeat(18) };
  if (digits.length >= 16 && digits.length <= 19 && groupCount <= 5 && /^[3-6]/.test(digits) && luhn(digits))
    return { kind: 'bank_card', masked: '*'.repeat(digits.length) };
  return undefined;
}

// Area codes: 010, 02x (3 digits) or 0[3-9]xx (4 digits), then a 7- or 8-digit local number that starts with 2-9.
function isLandline(digits: string): boolean {
  if (digits[0] !== '0') return false;
  const areaLength = digits[1] === '1' || digits[1] === '2' ? 3 : 4;
  if (digits[1] === '1' && digits[2] !== '0') return false;
  if (digits[1] === '0') return false;
  const local = digits.slice(areaLength);
  return (local.length === 7 || local.length === 8) && local[0]! >= '2';
}

/** GB 11643-1999: six-digit region, birth date, sequence, ISO 7064 MOD 11-2 check character. */
export function isIdNumber(id: string): boolean {
  if (!/^[1-8]\d{16}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += weights[k]! * Number(id[k]);
  return '10X98765432'[sum % 11] === id[17];
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let d = Number(digits[digits.length - 1 - k]);
    if (k % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
