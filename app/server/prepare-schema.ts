import { checkMigrated, migrateDatabase } from '../../db/migrate.server.ts';
import type { Config } from './config.ts';

/**
 * Migrations, under an advisory lock so that processes starting together
 * apply them once; or, with MIGRATE_ON_START=0, only a check that
 * `npm run db:migrate` ran: a web process must not serve a schema older than
 * its code (docs/deploy.md, "Upgrades").
 */
export async function prepareSchema(config: Config, url: string): Promise<void> {
  const target = config.database.migrationUrl ?? url;
  if (config.database.migrateOnStart) return migrateDatabase(target);
  const missing = await checkMigrated(target);
  if (missing.length > 0) {
    throw new Error(
      `the database lacks ${missing.length} migration(s) (${missing.join(', ')}): run \`npm run db:migrate\` first (MIGRATE_ON_START=0)`,
    );
  }
}
