import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/client.server.ts';
import { installKeyring } from '../domain/crypto/installed-keyring.ts';
import { createKeyring, generateMasterKey, parseMasterKey, type Keyring } from '../domain/crypto/keyring.ts';
import { sealLegacyRows } from '../domain/key-rotation/sealed-tables.server.ts';
import { maskOlderMailNames } from '../domain/privacy/mask-older-mail.server.ts';
import { maskOlderSuggestionText } from '../domain/privacy/mask-older-text.server.ts';
import type { Config } from './config.ts';

// Where the contact keyring comes from (docs/decisions/060-encryption-at-rest.md):
// CONTACT_KEY (+ CONTACT_KEY_PREVIOUS), or for the embedded default a key file
// generated into DATA_DIR on first start, readable by its owner only and kept
// outside the database (so a dump or a stolen database alone opens nothing).
// The file holds one base64 key per line, the first sealing, the others
// readable (a rotation in progress); lines starting with # are comments.

export const KEY_FILE_NAME = 'contact-keys';

type Log = { info: (msg: string) => void; warn: (msg: string) => void };

export function keyFilePath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, KEY_FILE_NAME);
}

export function loadKeyring(config: Pick<Config, 'dataDir' | 'contactKeys'>, log?: Log): Keyring {
  return loadKeySource(config, log).keyring;
}

/**
 * The keyring and, for the key file, a refresh that re-reads the file when it
 * changed (a rotation adds a key while the portal runs). Keys from the
 * environment change only with a restart.
 */
export function loadKeySource(
  config: Pick<Config, 'dataDir' | 'contactKeys'>,
  log?: Log,
): { keyring: Keyring; refresh?: () => Keyring | undefined } {
  if (config.contactKeys.current) {
    return { keyring: createKeyring([config.contactKeys.current, ...config.contactKeys.previous].map(parseMasterKey)) };
  }
  const file = keyFilePath(config);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    // 'wx': two processes starting at once never overwrite each other's key.
    try {
      fs.writeFileSync(file, `${KEY_FILE_HEADER}${generateMasterKey()}\n`, { mode: 0o600, flag: 'wx' });
      log?.warn(
        `no CONTACT_KEY: generated a contact key into ${file} (mode 0600). Back it up apart from the database.`,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  let seen = fs.statSync(file).mtimeMs;
  const keyring = createKeyring(readKeyFile(file).map(parseMasterKey));
  const refresh = () => {
    const mtime = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined || mtime === seen) return undefined;
    seen = mtime;
    return createKeyring(readKeyFile(file).map(parseMasterKey));
  };
  return { keyring, refresh };
}

const KEY_FILE_HEADER =
  '# Jianyan contact keys (AES-256-GCM), base64 of 32 random bytes, one a line: the first seals, the others\n# stay readable until `npm run keys:rotate` is done. Back this file up apart from the database:\n# without it, contact details cannot be read.\n';

export function readKeyFile(file: string): string[] {
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) fs.chmodSync(file, 0o600);
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** For `npm run keys:rotate -- --new-key` on the key file: the new key first, every older one kept. */
export function prependKeyToFile(file: string, key: string): void {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const comments = lines.filter((l) => l.trim().startsWith('#'));
  const keys = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const next = `${file}.next`;
  fs.writeFileSync(next, [...comments, key, ...keys, ''].join('\n'), { mode: 0o600 });
  fs.renameSync(next, file);
}

/** Once a rotation is done: only the current key stays. */
export function dropOldKeysFromFile(file: string): void {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const comments = lines.filter((l) => l.trim().startsWith('#'));
  const current = lines.map((l) => l.trim()).find((l) => l && !l.startsWith('#'));
  const next = `${file}.next`;
  fs.writeFileSync(next, [...comments, current, ''].join('\n'), { mode: 0o600 });
  fs.renameSync(next, file);
}

/**
 * Every process, at start, after the migrations: load the keyring, hand it to
 * the domain, and seal any row written before encryption.
 */
export async function installContactKeys(
  config: Pick<Config, 'dataDir' | 'contactKeys'>,
  db: Database,
  log: Log,
): Promise<Keyring> {
  const { keyring, refresh } = loadKeySource(config, log);
  installKeyring(keyring, refresh);
  const sealed = await sealLegacyRows(db, keyring);
  const total = Object.values(sealed).reduce((a, b) => a + b, 0);
  if (total > 0) log.info(`sealed ${total} rows written before encryption at rest (${JSON.stringify(sealed)})`);
  // Needs the keyring (the originals are sealed), so it runs here, before serving (decision 057).
  const masked = await maskOlderSuggestionText(db);
  if (masked > 0) log.info(`masked contact details in the text of ${masked} suggestions stored before that was done`);
  const mails = await maskOlderMailNames(db);
  if (mails > 0) log.info(`masked contact details in the subject or file names of ${mails} stored mails`);
  return keyring;
}
