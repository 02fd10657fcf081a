// The notice asks senders to write 「'十四五'规划意见建议」 in the subject.
// People type it with any quotes (' ' ‘ ’ “ ” 「 」), full-width or half-width
// characters, spaces, and extra words. Compare with all of that folded away.

const FOLDED = /[\s'"`‘’“”„「」『』《》〈〉〔〕【】()（）[\]·•・]/g;

export function foldForMarker(text: string): string {
  return text.normalize('NFKC').replace(FOLDED, '').toLowerCase();
}

export function subjectHasMarker(subject: string, marker: string): boolean {
  const folded = foldForMarker(marker);
  return folded.length > 0 && foldForMarker(subject).includes(folded);
}

const REPLY_PREFIX = /^\s*(re|fw|fwd|aw|wg|回复|答复|转发|回覆|轉寄|轉發)\s*[:：]\s*/i;

/** The subject without reply/forward prefixes and without the marker words. */
export function titleFromSubject(subject: string, marker: string | null): string {
  let title = subject.normalize('NFKC');
  while (REPLY_PREFIX.test(title)) title = title.replace(REPLY_PREFIX, '');
  if (marker) {
    const chars = [...foldForMarker(marker)].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const gap = `[\\s'"\`‘’“”「」『』《》【】()（）]*`;
    const pattern = new RegExp(`${gap}${chars.join(gap)}${gap}(字样)?`, 'i');
    title = title.replace(pattern, ' ');
  }
  return title
    .replace(/^[\s\-—–:：,，、|/]+|[\s\-—–:：,，、|/]+$/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
