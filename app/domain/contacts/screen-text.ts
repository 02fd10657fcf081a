import { maskContactsInText } from './contacts-in-text.ts';

// What intake stores of a submitter's words: the masked form in the readable
// columns (so the detail page, queue, search, near-duplicates, exports and
// public pages never hold the details), and the original, only where masking
// changed something, for the sealed store (text-originals.server.ts).
// Attachment file names are the submitter's words too («张三-13912345678.docx»).

/**
 * Bumped when the detector finds more: rows screened by an older version are
 * screened again at start-up. 2: attachment file names are screened too.
 * 3: postal addresses without a label and names announced in prose.
 */
export const CONTACT_SCREEN_VERSION = 3;

export type SubmittedText = {
  title: string;
  body: string;
  attachmentTexts: (string | null | undefined)[];
  attachmentNames?: string[];
};

export type TextOriginal = {
  title?: string;
  body?: string;
  attachments: { index: number; text: string }[];
  attachmentNames: { index: number; name: string }[];
};

export type ScreenedText = Omit<SubmittedText, 'attachmentNames'> & {
  attachmentNames: string[];
  original: TextOriginal | null;
};

export function screenSubmittedText(input: SubmittedText): ScreenedText {
  const title = maskContactsInText(input.title);
  const body = maskContactsInText(input.body);
  const attachmentTexts = input.attachmentTexts.map((text) => (text ? maskContactsInText(text) : text));
  const names = input.attachmentNames ?? [];
  const attachmentNames = names.map(maskFileName);
  const original: TextOriginal = {
    ...(title !== input.title ? { title: input.title } : {}),
    ...(body !== input.body ? { body: input.body } : {}),
    attachments: input.attachmentTexts.flatMap((text, index) =>
      text && text !== attachmentTexts[index] ? [{ index, text }] : [],
    ),
    attachmentNames: names.flatMap((name, index) => (name !== attachmentNames[index] ? [{ index, name }] : [])),
  };
  const changed =
    original.title !== undefined ||
    original.body !== undefined ||
    original.attachments.length > 0 ||
    original.attachmentNames.length > 0;
  return { title, body, attachmentTexts, attachmentNames, original: changed ? original : null };
}

/**
 * A file name with its contact details masked. Separators that file names use
 * for spaces (`_`, `-`, `.` before the extension) are read as spaces, so that
 * «王建国_13912345678.docx» is seen like «王建国 13912345678»; the extension stays.
 */
export function maskFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const hasExtension = dot > 0 && name.length - dot <= 8;
  const stem = hasExtension ? name.slice(0, dot) : name;
  const extension = hasExtension ? name.slice(dot) : '';
  const spaced = stem.replace(/_/g, ' ');
  const masked = maskContactsInText(spaced);
  if (masked === spaced) return name;
  // Put the underscores back where the mask kept the length (numbers and names are masked in place).
  const restored =
    masked.length === stem.length
      ? masked
          .split('')
          .map((ch, i) => (ch === ' ' && stem[i] === '_' ? '_' : ch))
          .join('')
      : masked;
  return restored + extension;
}
