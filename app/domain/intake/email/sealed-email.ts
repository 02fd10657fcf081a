import { openText, open, seal, sealText, type Keyring } from '../../crypto/keyring.ts';
import type { MailOriginals } from './screen-mail-names.ts';

// An inbound mail carries its sender's address, name and signature: the raw
// message, its header block, its decoded text and the sanitized HTML are sealed at rest
// (docs/decisions/060-encryption-at-rest.md). Rows with keyId NULL predate
// encryption and hold the bytes as they were until the start-up backfill.

export const HEAD_BYTES = 16 * 1024;

export function sealRawEmail(keyring: Keyring, raw: Buffer) {
  return {
    raw: seal(keyring, raw, 'inbound_emails.raw'),
    rawHead: seal(keyring, raw.subarray(0, HEAD_BYTES), 'inbound_emails.raw_head'),
    keyId: keyring.current.id,
  };
}

export function sealEmailHtml(keyring: Keyring, html: string | null | undefined): Buffer | null {
  return sealText(keyring, html, 'inbound_emails.sanitized_html');
}

type Stored = { keyId: string | null };

/** The raw message, or null once retention purged it. */
export function openRawEmail(keyring: Keyring, row: Stored & { raw: Buffer | null }): Buffer | null {
  if (!row.raw) return null;
  return row.keyId === null ? row.raw : open(keyring, row.raw, 'inbound_emails.raw');
}

export function openRawHead(
  keyring: Keyring,
  row: Stored & { rawHead: Buffer | null; raw?: Buffer | null },
): Buffer | null {
  if (row.keyId === null) return row.raw ? row.raw.subarray(0, HEAD_BYTES) : null;
  return row.rawHead ? open(keyring, row.rawHead, 'inbound_emails.raw_head') : null;
}

export function openEmailHtml(keyring: Keyring, row: Stored & { sanitizedHtml: Buffer | null }): string | null {
  if (!row.sanitizedHtml) return null;
  return row.keyId === null
    ? row.sanitizedHtml.toString('utf8')
    : openText(keyring, row.sanitizedHtml, 'inbound_emails.sanitized_html');
}

/**
 * The decoded text in the form its row keeps: sealed, or for a row that
 * predates encryption (keyId NULL, not yet backfilled) UTF-8 like the rest of
 * that row, so that the backfill seals it with the others. An empty text is
 * kept (not NULL): NULL means "not read yet" to the mail queue.
 */
export function sealEmailText(keyring: Keyring, row: Stored, text: string | null | undefined): Buffer | null {
  if (text === null || text === undefined) return null;
  return row.keyId === null ? Buffer.from(text, 'utf8') : seal(keyring, text, 'inbound_emails.text');
}

export function openEmailText(keyring: Keyring, row: Stored & { text: Buffer | null }): string | null {
  if (!row.text) return null;
  return row.keyId === null ? row.text.toString('utf8') : openText(keyring, row.text, 'inbound_emails.text');
}

/** What masking changed in the subject and file names (screen-mail-names.ts), in the form its row keeps. */
export function sealMailOriginals(keyring: Keyring, row: Stored, originals: MailOriginals | null): Buffer | null {
  if (!originals) return null;
  const json = JSON.stringify(originals);
  return row.keyId === null ? Buffer.from(json, 'utf8') : seal(keyring, json, 'inbound_emails.masked_originals');
}

export function openMailOriginals(
  keyring: Keyring,
  row: Stored & { maskedOriginals: Buffer | null },
): MailOriginals | null {
  if (!row.maskedOriginals) return null;
  const json =
    row.keyId === null
      ? row.maskedOriginals.toString('utf8')
      : openText(keyring, row.maskedOriginals, 'inbound_emails.masked_originals');
  return json ? (JSON.parse(json) as MailOriginals) : null;
}
