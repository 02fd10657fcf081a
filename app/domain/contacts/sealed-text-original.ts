import { openText, sealText, type Keyring } from '../crypto/keyring.ts';

// How one suggestion_text_originals row is sealed and opened. Pure, so that
// intake, the start-up masking of older rows and key rotation seal alike.

export type OriginalText = {
  title?: string;
  body?: string;
  attachments: { attachmentId: number; text: string }[];
  /** File names as the submitter sent them, where masking changed them. */
  attachmentNames: { attachmentId: number; name: string }[];
};

export type SealedTextOriginalRow = {
  title: Buffer | null;
  body: Buffer | null;
  attachmentTexts: Buffer | null;
  attachmentNames: Buffer | null;
  keyId: string;
};

const label = (column: string) => `suggestion_text_originals.${column}`;

const sealList = (keyring: Keyring, list: unknown[], column: string) =>
  list.length > 0 ? sealText(keyring, JSON.stringify(list), label(column)) : null;

export function sealTextOriginal(keyring: Keyring, original: OriginalText): SealedTextOriginalRow {
  return {
    title: sealText(keyring, original.title, label('title')),
    body: sealText(keyring, original.body, label('body')),
    attachmentTexts: sealList(keyring, original.attachments, 'attachment_texts'),
    attachmentNames: sealList(keyring, original.attachmentNames, 'attachment_names'),
    keyId: keyring.current.id,
  };
}

type StoredColumns = {
  title: Buffer | null;
  body: Buffer | null;
  attachmentTexts: Buffer | null;
  attachmentNames: Buffer | null;
};

export function openTextOriginal(keyring: Keyring, row: StoredColumns): OriginalText {
  const attachments = openText(keyring, row.attachmentTexts, label('attachment_texts'));
  const names = openText(keyring, row.attachmentNames, label('attachment_names'));
  return {
    title: openText(keyring, row.title, label('title')) ?? undefined,
    body: openText(keyring, row.body, label('body')) ?? undefined,
    attachments: attachments ? (JSON.parse(attachments) as OriginalText['attachments']) : [],
    attachmentNames: names ? (JSON.parse(names) as OriginalText['attachmentNames']) : [],
  };
}
