import crypto from 'node:crypto';

// Submitters' contact details, raw mail, outgoing mail and staff TOTP secrets
// are sealed with AES-256-GCM before they reach PostgreSQL
// (docs/decisions/060-encryption-at-rest.md). One 32-byte master key per
// generation; the keys actually used are derived from it with HKDF, so that
// the cipher key and the blind-index (HMAC) key are never the same bytes.

export const MASTER_KEY_BYTES = 32;
const VERSION = 0x01;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

export type ContactKey = { id: string; cipher: Buffer; index: Buffer };

/** The current key seals; every key in `byId` (current and previous) opens. */
export type Keyring = { current: ContactKey; byId: ReadonlyMap<string, ContactKey> };

export class KeyringError extends Error {}

function hkdf(master: Buffer, info: string, length: number): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, length));
}

export function deriveContactKey(master: Buffer): ContactKey {
  if (master.length !== MASTER_KEY_BYTES)
    throw new KeyringError(`a contact key is ${MASTER_KEY_BYTES} bytes (base64 of 32 random bytes)`);
  return {
    id: hkdf(master, 'jianyan key id v1', KEY_ID_BYTES).toString('hex'),
    cipher: hkdf(master, 'jianyan contact cipher v1', 32),
    index: hkdf(master, 'jianyan blind index v1', 32),
  };
}

/** `masters[0]` seals new data; the others stay readable until a rotation has re-sealed everything. */
export function createKeyring(masters: Buffer[]): Keyring {
  if (masters.length === 0) throw new KeyringError('no contact key');
  const keys = masters.map(deriveContactKey);
  return { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k])) };
}

export function generateMasterKey(): string {
  return crypto.randomBytes(MASTER_KEY_BYTES).toString('base64');
}

/** Decodes a base64 (or base64url) master key, refusing anything that is not exactly 32 bytes. */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new KeyringError('a contact key is base64 of 32 random bytes');
  const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== MASTER_KEY_BYTES)
    throw new KeyringError(`a contact key is base64 of ${MASTER_KEY_BYTES} random bytes, this one has ${bytes.length}`);
  return bytes;
}

/**
 * [0x01][key id: 8][iv: 12][tag: 16][ciphertext]. The key id lets a reader
 * pick the key and a rotation find what is still sealed with an old one. The
 * label (e.g. 'suggestion_contacts.phone') is authenticated data: a sealed
 * value copied into another column does not open there.
 */
export function seal(keyring: Keyring, plaintext: Buffer | string, label: string): Buffer {
  const key = keyring.current;
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key.cipher, iv);
  cipher.setAAD(Buffer.from(label, 'utf8'));
  const body = Buffer.concat([
    cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
    cipher.final(),
  ]);
  return Buffer.concat([Buffer.of(VERSION), Buffer.from(key.id, 'hex'), iv, cipher.getAuthTag(), body]);
}

export function sealedKeyId(sealed: Buffer): string {
  if (sealed.length < HEADER_BYTES || sealed[0] !== VERSION) throw new KeyringError('not a sealed value');
  return sealed.subarray(1, 1 + KEY_ID_BYTES).toString('hex');
}

export function open(keyring: Keyring, sealed: Buffer, label: string): Buffer {
  const id = sealedKeyId(sealed);
  const key = keyring.byId.get(id);
  if (!key)
    throw new KeyringError(
      `sealed with contact key ${id}, which is not configured (CONTACT_KEY / CONTACT_KEY_PREVIOUS)`,
    );
  const iv = sealed.subarray(1 + KEY_ID_BYTES, 1 + KEY_ID_BYTES + IV_BYTES);
  const tag = sealed.subarray(1 + KEY_ID_BYTES + IV_BYTES, HEADER_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key.cipher, iv);
  decipher.setAAD(Buffer.from(label, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
}

export function sealText(keyring: Keyring, text: string | null | undefined, label: string): Buffer | null {
  return text === null || text === undefined || text === '' ? null : seal(keyring, text, label);
}

export function openText(keyring: Keyring, sealed: Buffer | null | undefined, label: string): string | null {
  return sealed ? open(keyring, sealed, label).toString('utf8') : null;
}

/**
 * A keyed HMAC of a normalized value: equal inputs give equal indexes under
 * one key, and without the key the index says nothing (not even for the
 * 10,000 possible last-four-digits, which a plain hash would give away).
 */
export function blindIndex(key: ContactKey, kind: string, value: string): Buffer {
  return crypto.createHmac('sha256', key.index).update(`${kind}\u0000${value}`, 'utf8').digest();
}
