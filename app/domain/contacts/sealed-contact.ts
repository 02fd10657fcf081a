import crypto from 'node:crypto';
import { blindIndex, openText, sealText, type ContactKey, type Keyring } from '../crypto/keyring.ts';

// How one suggestion_contacts row is sealed and opened. Pure (no database), so
// that intake, the backfill of old rows and key rotation seal the same way.

export type ContactFields = { name?: string; unit?: string; phone?: string; email?: string };

export type SealedContactRow = {
  name: Buffer | null;
  unit: Buffer | null;
  phone: Buffer | null;
  email: Buffer | null;
  emailIndex: Buffer | null;
  phoneIndex: Buffer | null;
  phoneLast4Index: Buffer | null;
  keyId: string;
};

const label = (column: string) => `suggestion_contacts.${column}`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

export function emailIndex(key: ContactKey, email: string | undefined): Buffer | null {
  const normalized = email ? normalizeEmail(email) : '';
  return normalized ? blindIndex(key, 'email', normalized) : null;
}

export function phoneIndexes(
  key: ContactKey,
  phone: string | undefined,
): { phoneIndex: Buffer | null; phoneLast4Index: Buffer | null } {
  const all = phone ? digits(phone) : '';
  return {
    phoneIndex: all ? blindIndex(key, 'phone', all) : null,
    // Fewer than four digits cannot prove anything on /track.
    phoneLast4Index: all.length >= 4 ? blindIndex(key, 'phone-last4', all.slice(-4)) : null,
  };
}

export function sealContactRow(keyring: Keyring, contact: ContactFields): SealedContactRow {
  const key = keyring.current;
  const email = contact.email?.trim() || undefined;
  return {
    name: sealText(keyring, contact.name, label('name')),
    unit: sealText(keyring, contact.unit, label('unit')),
    phone: sealText(keyring, contact.phone, label('phone')),
    email: sealText(keyring, email, label('email')),
    emailIndex: emailIndex(key, email),
    ...phoneIndexes(key, contact.phone),
    keyId: key.id,
  };
}

type StoredColumns = {
  keyId: string | null;
  name: Buffer | null;
  unit: Buffer | null;
  phone: Buffer | null;
  email: Buffer | null;
};

/** A row written before encryption (keyId NULL) holds UTF-8 plaintext until the start-up backfill seals it. */
export function openContactRow(keyring: Keyring, row: StoredColumns): ContactFields {
  const read = (value: Buffer | null, column: string) =>
    (row.keyId === null ? value?.toString('utf8') : openText(keyring, value, label(column))) || undefined;
  return {
    name: read(row.name, 'name'),
    unit: read(row.unit, 'unit'),
    phone: read(row.phone, 'phone'),
    email: read(row.email, 'email'),
  };
}

/**
 * /track's check: the proof's blind index under the key that sealed the row,
 * compared in constant time. A row under a key no longer configured never
 * matches.
 */
export function proofMatches(
  keyring: Keyring,
  row: { keyId: string | null; emailIndex: Buffer | null; phoneLast4Index: Buffer | null },
  proof: { email?: string; phoneLast4?: string },
): boolean {
  const key = row.keyId ? keyring.byId.get(row.keyId) : undefined;
  if (!key) return false;
  if (proof.email && row.emailIndex) return equalIndexes(emailIndex(key, proof.email), row.emailIndex);
  if (proof.phoneLast4 && row.phoneLast4Index) {
    const given = /^\d{4}$/.test(proof.phoneLast4) ? blindIndex(key, 'phone-last4', proof.phoneLast4) : null;
    return equalIndexes(given, row.phoneLast4Index);
  }
  return false;
}

function equalIndexes(given: Buffer | null, stored: Buffer): boolean {
  // Always one comparison of two 32-byte values, whatever was given.
  const left = given ?? crypto.randomBytes(stored.length);
  return left.length === stored.length && crypto.timingSafeEqual(left, stored) && given !== null;
}
