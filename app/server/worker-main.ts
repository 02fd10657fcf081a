import { openDatabase } from '../../db/client.server.ts';
import { readConfig } from './config.ts';
import { installContactKeys } from './contact-keys.ts';
import { createLogger } from './logger.ts';
import { prepareSchema } from './prepare-schema.ts';
import { survivePostgresWriteRace } from './postgres-write-race.ts';
import { assertDirectConnection, startWorker } from './worker.ts';

// `npm run worker`: the background jobs without the web server, for
// deployments that run web and worker processes separately (RUN_WORKER=0 on
// the web processes).
const config = readConfig();
// Like a configuration error: refused before any connection is opened.
assertDirectConnection(config);
const log = createLogger(config.logLevel);
survivePostgresWriteRace(log);
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.workerPoolSize,
  prepare: config.database.prepare,
  log: { info: (m) => log.info(m), warn: (m) => log.warn(m), debug: (m) => log.debug(m) },
});
await prepareSchema(config, database.url);
await installContactKeys(config, database.db, log);
const worker = await startWorker({ db: database.db, databaseUrl: database.url, config, log });
const stop = () => {
  worker
    .stop()
    .then(() => database.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
