import { reindexAll } from '../../app/domain/enrichment/reindex.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { withDatabase } from './with-database.ts';

// `npm run search:reindex`: rebuild the search index and near-duplicate links
// of every suggestion, after the segmenter, its dictionary or the normalization
// changed (INDEX_VERSION), or after restoring a backup. `-- --stale` rewrites
// only rows missing or built by another version. Safe while the portal runs.
const onlyStale = process.argv.includes('--stale');
await withDatabase(async ({ url, db }) => {
  await migrateDatabase(url);
  const started = Date.now();
  const total = await reindexAll(db, {
    onlyStale,
    onProgress: (n) => process.stdout.write(`\rreindexed ${n}`),
  });
  console.log(`\nreindexed ${total} suggestions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
