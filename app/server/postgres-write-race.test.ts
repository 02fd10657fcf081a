import { expect, test } from 'vitest';
import { isPostgresWriteRace } from './postgres-write-race.ts';

test('only the postgres.js null-socket write is recognised, nothing else', () => {
  const race = new TypeError("Cannot read properties of null (reading 'write')");
  race.stack = `${race.message}\n    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:483:21)`;
  expect(isPostgresWriteRace(race)).toBe(true);
  const elsewhere = new TypeError("Cannot read properties of null (reading 'write')");
  elsewhere.stack = `${elsewhere.message}\n    at render (file:///app/build/server/index.js:10:5)`;
  expect(isPostgresWriteRace(elsewhere)).toBe(false);
  expect(isPostgresWriteRace(new Error('boom'))).toBe(false);
});
