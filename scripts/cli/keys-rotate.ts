import fs from 'node:fs';
import { contactKeyring, installKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { generateMasterKey } from '../../app/domain/crypto/keyring.ts';
import { resealWithCurrentKey, rowsNotUnderCurrentKey } from '../../app/domain/key-rotation/sealed-tables.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { dropOldKeysFromFile, keyFilePath, loadKeySource, prependKeyToFile } from '../../app/server/contact-keys.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { withDatabase } from './with-database.ts';

// `npm run keys:rotate`: re-seal every contact detail, raw mail, outgoing mail
// and TOTP secret with the current contact key, while the portal runs
// (batches keyed by id, each in a short transaction). The procedure is in
// docs/decisions/061-key-rotation.md:
//   --new-key   key file (no CONTACT_KEY): add a new key in front of the old
//               ones, then re-seal; running processes pick it up within seconds.
//               With CONTACT_KEY: print a new key and the steps, change nothing.
//   --drop-old  key file: once nothing is left under an old key, forget the old keys.
const args = new Set(process.argv.slice(2));
const config = readConfig();
const usesFile = !config.contactKeys.current;
const file = keyFilePath(config);

if (args.has('--new-key') && !usesFile) {
  console.log(
    [
      'Contact keys come from CONTACT_KEY. To rotate:',
      `  1. Set CONTACT_KEY=${generateMasterKey()}`,
      '     and CONTACT_KEY_PREVIOUS=<the current CONTACT_KEY> on every web and worker process, and restart them.',
      '  2. Run `npm run keys:rotate` with the same environment until it reports nothing left.',
      '  3. Remove CONTACT_KEY_PREVIOUS and restart.',
    ].join('\n'),
  );
} else {
  await withDatabase(async ({ url, db }) => {
    await migrateDatabase(url);
    if (args.has('--new-key')) {
      prependKeyToFile(file, generateMasterKey());
      const { keyring, refresh } = loadKeySource(config);
      installKeyring(keyring, refresh);
      console.log(`new contact key ${keyring.current.id} added to ${file}; older keys stay readable`);
    }
    const keyring = contactKeyring();
    const started = Date.now();
    // A process that had not yet seen the new key may have sealed a row behind
    // the cursor: a few passes catch those.
    for (let pass = 1; pass <= 5; pass++) {
      const counts = await resealWithCurrentKey(db, keyring, (table, done) =>
        process.stdout.write(`\r${table}: ${done} re-sealed`),
      );
      process.stdout.write('\n');
      console.log(`pass ${pass}: re-sealed ${JSON.stringify(counts)}`);
      if (Object.values(counts).every((n) => n === 0)) break;
    }
    const left = await rowsNotUnderCurrentKey(db, keyring);
    const remaining = Object.values(left).reduce((a, b) => a + b, 0);
    console.log(
      `under key ${keyring.current.id} in ${((Date.now() - started) / 1000).toFixed(1)} s; rows under another key: ${remaining}`,
    );
    if (remaining > 0) {
      console.log(`still under an older key: ${JSON.stringify(left)}. Run again.`);
      process.exitCode = 2;
      return;
    }
    if (args.has('--drop-old') && usesFile && fs.existsSync(file)) {
      dropOldKeysFromFile(file);
      console.log(`older keys removed from ${file}`);
    } else if (keyring.byId.size > 1) {
      console.log(
        usesFile
          ? 'Older keys can now go: run again with --drop-old.'
          : 'CONTACT_KEY_PREVIOUS can now be removed (then restart).',
      );
    }
  });
}
