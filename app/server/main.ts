import { readConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startPortal } from './portal.ts';
import { survivePostgresWriteRace } from './postgres-write-race.ts';

// `npm start` (and `npm run dev` with --dev). Ctrl-C or SIGTERM stop the web
// server, then PostgreSQL if it is the embedded one, and only then exit.
// --web-only (`npm run start:web`): HTTP only, whatever RUN_WORKER says; the
// jobs run in `npm run worker` processes (docs/decisions/095).
const config = readConfig();
if (process.argv.includes('--web-only')) config.runWorker = false;
const log = createLogger(config.logLevel);
survivePostgresWriteRace(log);

try {
  const portal = await startPortal(config, log, { dev: process.argv.includes('--dev') });
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      log.warn(`${signal} again: still stopping PostgreSQL, please wait`);
      return;
    }
    log.info({ signal }, 'signal received');
    portal.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  log.fatal({ err: error }, 'Jianyan could not start');
  process.exitCode = 1;
}
