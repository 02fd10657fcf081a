import fs from 'node:fs';
import { intakeEmailFile } from '../../app/domain/intake/file/intake-email-file.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { withDatabase } from './with-database.ts';

// `npm run intake -- path/to/*.eml`: feed mail saved by hand through the same
// pipeline as the mailbox. Prints one line per file; a file seen before is
// reported as a duplicate, not added again.
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run intake -- FILE.eml [FILE.eml …]');
  process.exit(2);
}
const config = readConfig();
await withDatabase(async ({ db, url }) => {
  await migrateDatabase(url);
  for (const file of files) {
    let raw: Buffer;
    try {
      raw = fs.readFileSync(file);
    } catch {
      console.log(`${file}\tunreadable`);
      process.exitCode = 1;
      continue;
    }
    const outcome = await intakeEmailFile(db, raw, config);
    const detail = outcome.trackingCode ?? outcome.reason ?? '';
    console.log(`${file}\t${outcome.duplicate ? 'duplicate ' : ''}${outcome.status}${detail ? `\t${detail}` : ''}`);
  }
});
