import { readConfig } from '../../app/server/config.ts';
import { contactKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { sealLegacyRows } from '../../app/domain/key-rotation/sealed-tables.server.ts';
import { maskOlderMailNames } from '../../app/domain/privacy/mask-older-mail.server.ts';
import { maskOlderSuggestionText } from '../../app/domain/privacy/mask-older-text.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { withDatabase } from './with-database.ts';

// `npm run db:migrate`: apply committed migrations (npm start does this too).
await withDatabase(async ({ url, db }) => {
  // A direct connection when PgBouncer sits in front: the migration lock is session-level.
  await migrateDatabase(readConfig().database.migrationUrl ?? url);
  // Rows from before encryption at rest are sealed now rather than at the next start.
  const sealed = await sealLegacyRows(db, contactKeyring());
  const masked = await maskOlderSuggestionText(db);
  const mails = await maskOlderMailNames(db);
  console.log(
    'migrations applied',
    Object.values(sealed).some(Boolean) ? `; sealed ${JSON.stringify(sealed)}` : '',
    masked ? `; masked contact details in ${masked} suggestions' text` : '',
    mails ? `; in ${mails} mails' subjects or file names` : '',
  );
});
