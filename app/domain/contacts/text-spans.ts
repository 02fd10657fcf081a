// Shared pieces of the contact detector (contacts-in-text.ts): a found span and
// character classes. Every scan here walks the text once, left to right, with
// plain loops rather than regular expressions, so the work stays linear on any
// input (docs/decisions/066-linear-regular-expressions.md).

export type ContactKind =
  | 'email'
  | 'mobile'
  | 'landline'
  | 'service_number'
  | 'id_number'
  | 'bank_card'
  | 'labelled'
  | 'sender'
  | 'signature'
  | 'address'
  | 'name';

/** [start, end) of the original text, and what replaces it for readers without read:contact:any. */
export type ContactSpan = { start: number; end: number; kind: ContactKind; masked: string };

export const isAsciiDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
// Full-width digits (１３８…) are typed by Chinese input methods in full-width mode.
export const isFullWidthDigit = (c: string | undefined) => c !== undefined && c >= '\uff10' && c <= '\uff19';
export const isDigit = (c: string | undefined) => isAsciiDigit(c) || isFullWidthDigit(c);
export const asciiDigit = (c: string) => (isFullWidthDigit(c) ? String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48) : c);
export const isLatinLetter = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
export const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r';
export const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0' || c === '\u3000';

/** Where the previous line break ends (the start of the line holding `at`). */
export function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isLineBreak(text[i - 1])) i -= 1;
  return i;
}

/** Each line of the text with its offset; one pass. */
export function linesOf(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const end = i > start && text[i - 1] === '\r' ? i - 1 : i;
      lines.push({ start, end });
      start = i + 1;
    }
  }
  return lines;
}
