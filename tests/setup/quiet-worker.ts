import { readConfig } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { startWorker } from '../../app/server/worker.ts';
import type { TestDatabase } from './test-database.ts';

/** The real worker on a test's database, polling every half second, logging nothing; `env` adds settings. */
export function startQuietWorker(database: TestDatabase, dataDir: string, env: Record<string, string> = {}) {
  return startWorker({
    db: database.db,
    databaseUrl: database.url,
    config: readConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, WORKER_POLL_SECONDS: '0.5', ...env }),
    log: createLogger('silent'),
  });
}
