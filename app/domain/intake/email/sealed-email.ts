import { openText, open, seal, sealText, type Keyring } from '../../crypto/keyring.ts';

// An inbound mail carries its sender's address, name and signature: the raw
// message, its header block and the sanitized HTML are sealed at rest
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

export function openRawHead(keyring: Keyring, row: Stored & { rawHead: Buffer | null; raw?: Buffer | null }): Buffer | null {
  if (row.keyId === null) return row.raw ? row.raw.subarray(0, HEAD_BYTES) : null;
  return row.rawHead ? open(keyring, row.rawHead, 'inbound_emails.raw_head') : null;
}

export function openEmailHtml(keyring: Keyring, row: Stored & { sanitizedHtml: Buffer | null }): string | null {
  if (!row.sanitizedHtml) return null;
  return row.keyId === null ? row.sanitizedHtml.toString('utf8') : openText(keyring, row.sanitizedHtml, 'inbound_emails.sanitized_html');
}
