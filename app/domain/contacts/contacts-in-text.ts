import { addressSpans } from './addresses-in-text.ts';
import { emailSpans } from './emails-in-text.ts';
import { attributionSpans, labelledSpans } from './labels-in-text.ts';
import { nameSpans } from './names-in-text.ts';
import { numberSpans } from './numbers-in-text.ts';
import { signatureSpans } from './signatures-in-text.ts';
import type { ContactKind, ContactSpan } from './text-spans.ts';

export type { ContactKind, ContactSpan } from './text-spans.ts';

// The one detector of contact details inside free text (issue 13, point 4),
// used on every suggestion's title, body and attachment text at intake and in
// the mail queue's preview. What it finds, in order of precedence (a span
// overlapping an earlier one is dropped):
//   1. signature blocks after "-- " or 「此致 敬礼」 (signatures-in-text.ts)
//   2. the author line of a quoted reply, labelled values and quoted mail
//      headers (labels-in-text.ts)
//   3. postal addresses without a label (addresses-in-text.ts) and names
//      announced in prose or signed with a role (names-in-text.ts)
//   4. email addresses (emails-in-text.ts)
//   5. mobile, landline and 400/800 numbers, 身份证号 with a valid check
//      character, bank card numbers passing Luhn (numbers-in-text.ts)
// Every scan is linear in the text's length; the limits are named in
// docs/decisions/057-contact-details-inside-text.md.

const URL_STARTS = ['http://', 'https://', 'www.'];

export function findContactsInText(text: string): ContactSpan[] {
  const taken = new Uint8Array(text.length);
  const accepted: ContactSpan[] = [];
  const urls = urlMask(text);
  const passes = [
    signatureSpans(text),
    attributionSpans(text),
    labelledSpans(text),
    addressSpans(text),
    nameSpans(text),
    emailSpans(text),
    numberSpans(text, (at) => urls[at] === 1),
  ];
  for (const spans of passes) {
    // Spans of one pass never overlap each other, so each character is checked once per pass.
    for (const span of spans) {
      if (overlaps(taken, span)) continue;
      taken.fill(1, span.start, span.end);
      accepted.push(span);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** The text as readers without read:contact:any see it. */
export function maskContactsInText(text: string): string {
  let out = '';
  let copied = 0;
  for (const span of findContactsInText(text)) {
    out += text.slice(copied, span.start) + span.masked;
    copied = span.end;
  }
  return out + text.slice(copied);
}

/** What masking changed, by kind: for the audit entry and tests, never the values. */
export function contactKindsIn(text: string): ContactKind[] {
  return [...new Set(findContactsInText(text).map((s) => s.kind))];
}

function overlaps(taken: Uint8Array, span: ContactSpan): boolean {
  for (let k = span.start; k < span.end; k++) if (taken[k]) return true;
  return false;
}

// Digits inside a URL are paths and ids, not phones (an address in a mailto: link is still masked).
function urlMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const lower = text.toLowerCase();
  for (const prefix of URL_STARTS) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(prefix, from);
      if (at < 0) break;
      let end = at + prefix.length;
      while (end < text.length && text.charCodeAt(end) > 32 && text.charCodeAt(end) < 127) end += 1;
      mask.fill(1, at, end);
      from = end;
    }
  }
  return mask;
}
