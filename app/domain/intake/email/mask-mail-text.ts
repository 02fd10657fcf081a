import { maskEmail, maskPhone } from '../../contacts/mask.ts';

// A mail's text as staff without read:contact:any may read it: addresses and
// phone, ID and student numbers masked the way contact details are masked everywhere else (app/domain/contacts/mask.ts).
// Written as scans rather than regular expressions so that the work stays
// linear on any input (a long run of letters with no "@" in it, issue 15).

const isLocalChar = (c: string) => /[A-Za-z0-9._%+-]/.test(c);
const isDomainChar = (c: string) => /[A-Za-z0-9.-]/.test(c);
const isPhoneChar = (c: string) => /[0-9+\-() ]/.test(c) || c === '\u00a0';
const isDigit = (c: string) => c >= '0' && c <= '9';

export function maskContactsInText(text: string): string {
  return maskNumbers(maskAddresses(text));
}

function maskAddresses(text: string): string {
  let out = '';
  let copied = 0;
  let searchFrom = 0;
  for (;;) {
    const at = text.indexOf('@', searchFrom);
    if (at < 0) break;
    let start = at;
    while (start > copied && isLocalChar(text[start - 1]!)) start -= 1;
    let end = at + 1;
    while (end < text.length && isDomainChar(text[end]!)) end += 1;
    while (end > at + 1 && text[end - 1] === '.') end -= 1;
    if (start < at && text.slice(at + 1, end).includes('.')) {
      out += text.slice(copied, start) + maskEmail(text.slice(start, end));
      copied = end;
    }
    searchFrom = Math.max(end, at + 1);
  }
  return out + text.slice(copied);
}

function maskNumbers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i]!) && !(text[i] === '+' && isDigit(text[i + 1] ?? ''))) {
      out += text[i];
      i += 1;
      continue;
    }
    let end = i;
    let digits = 0;
    while (end < text.length && isPhoneChar(text[end]!)) {
      if (isDigit(text[end]!)) digits += 1;
      end += 1;
    }
    // Keep trailing separators (a space before the next word) outside the number.
    while (end > i && !isDigit(text[end - 1]!) && text[end - 1] !== ')') end -= 1;
    const run = text.slice(i, end);
    out += looksLikeNumberToHide(run, digits) ? maskPhone(run) : run;
    i = end;
  }
  return out;
}

// A phone, ID or student number, not a year range (2021-2025) or an amount:
// one unbroken group of seven digits or more, a mobile written in groups
// (138 1234 5678), or a landline with its area code (0376-6391234).
function looksLikeNumberToHide(run: string, digits: number): boolean {
  let longest = 0;
  let current = 0;
  for (const c of run) {
    current = isDigit(c) ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  if (longest >= 7) return true;
  const first = run.replace(/^[+(]+/, '')[0];
  if (digits === 11 && first === '1') return true;
  return digits >= 10 && (first === '0' || run.startsWith('+'));
}
