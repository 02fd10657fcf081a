import crypto from 'node:crypto';
import { expect, test } from 'vitest';
import {
  blindIndex,
  createKeyring,
  generateMasterKey,
  KeyringError,
  open,
  parseMasterKey,
  seal,
  sealedKeyId,
} from './keyring.ts';

const master = () => parseMasterKey(generateMasterKey());

test('a sealed value opens to the same bytes, and each seal differs (random IV)', () => {
  const keyring = createKeyring([master()]);
  const a = seal(keyring, '欧阳明远 13912345678', 'suggestion_contacts.name');
  const b = seal(keyring, '欧阳明远 13912345678', 'suggestion_contacts.name');
  expect(a.equals(b)).toBe(false);
  expect(open(keyring, a, 'suggestion_contacts.name').toString('utf8')).toBe('欧阳明远 13912345678');
  expect(a.includes(Buffer.from('13912345678'))).toBe(false);
  expect(sealedKeyId(a)).toBe(keyring.current.id);
});

test('a value copied to another column, or altered by one bit, does not open', () => {
  const keyring = createKeyring([master()]);
  const sealed = seal(keyring, 'a@example.edu.cn', 'suggestion_contacts.email');
  expect(() => open(keyring, sealed, 'outbox_messages.to_address')).toThrow();
  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 1]! ^= 1;
  expect(() => open(keyring, tampered, 'suggestion_contacts.email')).toThrow();
});

test('an older key still opens what it sealed; a key not configured is named in the error', () => {
  const [oldKey, newKey] = [master(), master()];
  const sealedOld = seal(createKeyring([oldKey]), '旧', 'x');
  const rotating = createKeyring([newKey, oldKey]);
  expect(open(rotating, sealedOld, 'x').toString()).toBe('旧');
  expect(sealedKeyId(seal(rotating, '新', 'x'))).toBe(rotating.current.id);
  const onlyNew = createKeyring([newKey]);
  expect(() => open(onlyNew, sealedOld, 'x')).toThrow(KeyringError);
  expect(() => open(onlyNew, sealedOld, 'x')).toThrow(createKeyring([oldKey]).current.id);
});

test('the blind index is keyed: same input and key match, another key or input does not', () => {
  const a = createKeyring([master()]).current;
  const b = createKeyring([master()]).current;
  expect(blindIndex(a, 'phone-last4', '5678').equals(blindIndex(a, 'phone-last4', '5678'))).toBe(true);
  expect(blindIndex(a, 'phone-last4', '5678').equals(blindIndex(b, 'phone-last4', '5678'))).toBe(false);
  expect(blindIndex(a, 'phone-last4', '5678').equals(blindIndex(a, 'email', '5678'))).toBe(false);
  // Not a plain hash: the 10,000 possible last four digits cannot be looked up without the key.
  expect(blindIndex(a, 'phone-last4', '5678').equals(crypto.createHash('sha256').update('5678').digest())).toBe(false);
});

test('a key must be base64 of exactly 32 bytes', () => {
  expect(parseMasterKey(generateMasterKey())).toHaveLength(32);
  expect(() => parseMasterKey('too short')).toThrow(KeyringError);
  expect(() => parseMasterKey(Buffer.alloc(16).toString('base64'))).toThrow(/32/);
  expect(() => createKeyring([])).toThrow(KeyringError);
});
