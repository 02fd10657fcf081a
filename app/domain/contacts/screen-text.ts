import { maskContactsInText } from './contacts-in-text.ts';

// What intake stores of a submitter's words: the masked form in the readable
// columns (so the detail page, queue, search, near-duplicates, exports and
// public pages never hold the details), and the original, only where masking
// changed something, for the sealed store (text-originals.server.ts).

/** Bumped when the detector finds more: rows screened by an older version are screened again at start-up. */
export const CONTACT_SCREEN_VERSION = 1;

export type SubmittedText = { title: string; body: string; attachmentTexts: (string | null | undefined)[] };

export type TextOriginal = { title?: string; body?: string; attachments: { index: number; text: string }[] };

export type ScreenedText = SubmittedText & { original: TextOriginal | null };

export function screenSubmittedText(input: SubmittedText): ScreenedText {
  const title = maskContactsInText(input.title);
  const body = maskContactsInText(input.body);
  const attachmentTexts = input.attachmentTexts.map((text) => (text ? maskContactsInText(text) : text));
  const original: TextOriginal = {
    ...(title !== input.title ? { title: input.title } : {}),
    ...(body !== input.body ? { body: input.body } : {}),
    attachments: input.attachmentTexts.flatMap((text, index) =>
      text && text !== attachmentTexts[index] ? [{ index, text }] : [],
    ),
  };
  const changed = original.title !== undefined || original.body !== undefined || original.attachments.length > 0;
  return { title, body, attachmentTexts, original: changed ? original : null };
}
