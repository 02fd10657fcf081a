import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { generateMasterKey, parseMasterKey, createKeyring } from '../domain/crypto/keyring.ts';
import { readConfig } from './config.ts';
import { keyFilePath, loadKeySource, prependKeyToFile } from './contact-keys.ts';

const tmpDir = () => path.resolve('.tmp', `contact-keys-${crypto.randomBytes(4).toString('hex')}`);

test('CONTACT_KEY and CONTACT_KEY_PREVIOUS: base64 of 32 bytes, the first sealing, refused otherwise with the variable named', () => {
  const [current, previous] = [generateMasterKey(), generateMasterKey()];
  const config = readConfig({ CONTACT_KEY: current, CONTACT_KEY_PREVIOUS: ` ${previous} ` });
  const { keyring, refresh } = loadKeySource(config);
  expect(keyring.current.id).toBe(createKeyring([parseMasterKey(current)]).current.id);
  expect(keyring.byId.size).toBe(2);
  expect(refresh).toBeUndefined();
  expect(() => readConfig({ CONTACT_KEY: 'c2hvcnQ=' })).toThrow(
    /CONTACT_KEY: a contact key is base64 of 32 random bytes/,
  );
  expect(() => readConfig({ CONTACT_KEY_PREVIOUS: previous })).toThrow(/CONTACT_KEY_PREVIOUS needs CONTACT_KEY/);
});

test('production on its own PostgreSQL needs CONTACT_KEY: a key file on one machine cannot serve several', () => {
  const env = { NODE_ENV: 'production', HCAPTCHA_DISABLED: '1', DATABASE_URL: 'postgres://db/jianyan' };
  expect(() => readConfig(env)).toThrow(/CONTACT_KEY/);
  expect(readConfig({ ...env, CONTACT_KEY: generateMasterKey() }).contactKeys.current).toBeDefined();
});

test('without CONTACT_KEY a key is generated into DATA_DIR once, mode 0600, and read back the same', () => {
  const dataDir = tmpDir();
  const config = readConfig({ DATA_DIR: dataDir });
  const first = loadKeySource(config).keyring;
  const file = keyFilePath(config);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(loadKeySource(config).keyring.current.id).toBe(first.current.id);
});

test('a running process sees a key added to the file: the new one seals, the old one still opens', async () => {
  const config = readConfig({ DATA_DIR: tmpDir() });
  const { keyring, refresh } = loadKeySource(config);
  expect(refresh!()).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 20));
  prependKeyToFile(keyFilePath(config), generateMasterKey());
  const next = refresh!()!;
  expect(next.current.id).not.toBe(keyring.current.id);
  expect(next.byId.has(keyring.current.id)).toBe(true);
});
