// The notice asks senders to write 「'十四五'规划意见建议」 in the subject.
// People type it with any quotes (' ' ‘ ’ “ ” 「 」), full-width or half-width
// characters, spaces, and extra words. Compare with all of that folded away.

import * as OpenCC from 'opencc-js';

// Senders in Hong Kong, Macao and Taiwan write the marker in Traditional
// characters (「十四五」規劃意見建議). Matching folds to Simplified; the title
// keeps the script the sender used.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

const FOLDED = /[\s'"`‘’“”„「」『』《》〈〉〔〕【】()（）[\]·•・]/g;

export function foldForMarker(text: string): string {
  return toSimplified(text.normalize('NFKC')).replace(FOLDED, '').toLowerCase();
}

export function subjectHasMarker(subject: string, marker: string): boolean {
  const folded = foldForMarker(marker);
  return folded.length > 0 && foldForMarker(subject).includes(folded);
}

// All the prefixes at once: one anchored pass, where a loop of replace() calls
// was quadratic on "re: re: re: …". Nothing after the group can fail, so the
// blanks shared by two repetitions never make it backtrack.
const REPLY_PREFIXES = /^(?:\s*(?:re|fw|fwd|aw|wg|回复|答复|转发|回覆|轉寄|轉發)\s*[:：])+\s*/i;

// Separators trimmed from both ends. The lookbehind lets only the first
// separator of a run start the trailing match, so a long run of dashes in
// the middle of a subject is scanned once (without it, /[…]+$/ retried from
// every dash: quadratic).
const SEPARATOR = `\\s\\-—–:：,，、|/－`;
const EDGE_SEPARATORS = new RegExp(`^[${SEPARATOR}]+|(?<![${SEPARATOR}])[${SEPARATOR}]+$`, 'g');

/** The subject without reply/forward prefixes and without the marker words. */
export function titleFromSubject(subject: string, marker: string | null): string {
  // Not NFKC: the title keeps the sender's full-width punctuation and script.
  let title = subject.replace(REPLY_PREFIXES, '');
  if (marker) {
    const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    const fullWidth = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : '');
    const chars = [...foldForMarker(marker)].map(
      (c) => `[${escape(c)}${escape(toTraditional(c))}${escape(fullWidth(c))}]`,
    );
    const gap = `[\\s'"\`‘’“”「」『』《》＂＇]*`;
    // A match may start only where a run of gap characters starts (the
    // lookbehind), so a long run of spaces is not rescanned from each space.
    const pattern = new RegExp(`(?<!${gap.slice(0, -1)})${gap}${chars.join(gap)}${gap}(字样)?`, 'i');
    title = title.replace(pattern, ' ');
  }
  return title
    .replace(EDGE_SEPARATORS, '')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .replace(/^[（(【[]([^（）()【】[\]]*)[）)】\]]$/, '$1')
    .trim();
}
