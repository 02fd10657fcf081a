import { migrateDatabase } from '../../db/migrate.server.ts';
import { seedDemoData } from '../seed.server.ts';
import { withDatabase } from './with-database.ts';

// `npm run db:seed`: add the demo consultations (skipping any already there).
await withDatabase(async ({ url, db }) => {
  await migrateDatabase(url);
  const created = await seedDemoData(db);
  console.log(created.length ? `seeded: ${created.join(', ')}` : 'demo consultations already present; nothing to do');
});
