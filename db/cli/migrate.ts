import { migrateDatabase } from '../migrate.server.ts';
import { withDatabase } from './with-database.ts';

// `npm run db:migrate`: apply committed migrations (npm start does this too).
await withDatabase(async ({ url }) => {
  await migrateDatabase(url);
  console.log('migrations applied');
});
