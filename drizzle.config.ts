import { defineConfig } from 'drizzle-kit';

// drizzle-kit only diffs the schema files against the committed snapshots for
// `npm run db:generate`; it never needs a live database, so no credentials here.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
