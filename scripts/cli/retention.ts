import { purgeExpiredContacts } from '../../app/domain/retention/purge-expired-contacts.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { withDatabase } from './with-database.ts';

// `npm run retention`: purge now what the worker purges daily: the contact
// details, raw mail and sent mail of every plan whose retention period
// (contact_retention_days after it closed) has run out. Each purge is audited.
await withDatabase(async ({ url, db }) => {
  await migrateDatabase(url);
  const purged = await purgeExpiredContacts(db);
  if (purged.length === 0) console.log('nothing to purge');
  for (const p of purged)
    console.log(
      `plan ${p.planId}: ${p.contacts} contact records, ${p.emails} raw mails, ${p.outgoing} sent mails purged`,
    );
});
