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

const REPLY_PREFIX = /^\s*(re|fw|fwd|aw|wg|回复|答复|转发|回覆|轉寄|轉發)\s*[:：]\s*/i;

/** The subject without reply/forward prefixes and without the marker words. */
export function titleFromSubject(subject: string, marker: string | null): string {
  // Not NFKC: the title keeps the sender's full-width punctuation and script.
  let title = subject;
  while (REPLY_PREFIX.test(title)) title = title.replace(REPLY_PREFIX, '');
  if (marker) {
    const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    const fullWidth = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : '');
    const chars = [...foldForMarker(marker)].map((c) => `[${escape(c)}${escape(toTraditional(c))}${escape(fullWidth(c))}]`);
    const gap = `[\\s'"\`‘’“”「」『』《》＂＇]*`;
    const pattern = new RegExp(`${gap}${chars.join(gap)}${gap}(字样)?`, 'i');
    title = title.replace(pattern, ' ');
  }
  return title
    .replace(/^[\s\-—–:：,，、|/－]+|[\s\-—–:：,，、|/－]+$/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .replace(/^[（(【[]([^（）()【】[\]]*)[）)】\]]$/, '$1')
    .trim();
}
