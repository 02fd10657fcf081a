import type { Logger } from './logger.ts';

// postgres.js 3.4.9 defers small writes with setImmediate; when PostgreSQL
// closes the connection first (a restart), the deferred write runs on a null
// socket and throws from the timer, outside any await: an uncaught exception
// that kills the process (porsager/postgres#1154, #1208; fixes proposed in
// #1168, #1176, #1209, not released). Measured here: a PostgreSQL restart
// under load killed `npm start` this way (tests/faults/database-restart.test.ts).
// The query that owned the write has already been rejected (CONNECTION_CLOSED),
// so this one exception is survivable; every other uncaught exception still
// ends the process as Node's default does. Remove when postgres.js ships a fix.

export function isPostgresWriteRace(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '') &&
    /nextWrite/.test(error.stack ?? '')
  );
}

export function survivePostgresWriteRace(log: Logger): void {
  process.on('uncaughtException', (error) => {
    if (isPostgresWriteRace(error)) {
      log.warn('database connection closed under a pending write (postgres.js #1154); continuing');
      return;
    }
    log.fatal({ err: { name: error.name, message: error.message.slice(0, 300) } }, 'uncaught exception');
    // As Node would have done without a handler.
    process.exit(7);
  });
}
