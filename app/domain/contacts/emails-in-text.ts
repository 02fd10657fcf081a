import { maskEmail } from './mask.ts';
import { isLatinLetter, type ContactSpan } from './text-spans.ts';

// Email addresses anywhere in a text. Found from each "@" outwards rather than
// with a regular expression, so a long run of letters with no "@" costs one
// pass (issue 15). The domain needs a dot and a top-level part of two letters
// or more: "user@localhost" and "@某人" are not addresses.

const isLocalChar = (c: string | undefined) =>
  c !== undefined && (isLatinLetter(c) || (c >= '0' && c <= '9') || '._%+-'.includes(c));
const isDomainChar = (c: string | undefined) =>
  c !== undefined && (isLatinLetter(c) || (c >= '0' && c <= '9') || c === '.' || c === '-');

export function emailSpans(text: string): ContactSpan[] {
  const spans: ContactSpan[] = [];
  let floor = 0;
  let searchFrom = 0;
  for (;;) {
    const at = text.indexOf('@', searchFrom);
    if (at < 0) return spans;
    let start = at;
    // Never walk back past the previous address or "@": each character is read once.
    while (start > floor && isLocalChar(text[start - 1])) start -= 1;
    let end = at + 1;
    while (end < text.length && isDomainChar(text[end])) end += 1;
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end -= 1;
    if (start < at && hasTopLevelDomain(text.slice(at + 1, end))) {
      spans.push({ start, end, kind: 'email', masked: maskEmail(text.slice(start, end)) });
    }
    floor = Math.max(end, at + 1);
    searchFrom = floor;
  }
}

function hasTopLevelDomain(domain: string): boolean {
  const dot = domain.lastIndexOf('.');
  if (dot <= 0) return false;
  const tld = domain.slice(dot + 1);
  return tld.length >= 2 && [...tld].every(isLatinLetter);
}
