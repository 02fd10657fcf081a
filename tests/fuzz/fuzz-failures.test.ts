import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { processInboundEmail } from '../../app/domain/intake/email/process-email.server.ts';
import { storeInboundEmail } from '../../app/domain/intake/email/store-email.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// Counterexamples the fuzzers found (tests/fixtures/fuzz-failures/README.md).

const database = setupTestDatabase();
const failure = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/fuzz-failures', name));

beforeAll(async () => {
  await seedIfEmpty(database.db);
});

// Fixed on main by the mail queue work (merge ef75970); kept so it stays fixed.
test('a Message-ID with a NUL byte is stored and ends in a known status (found by the MIME fuzzer)', async () => {
  const stored = await storeInboundEmail(database.db, failure('nul-in-message-id.eml'), 'file');
  const outcome = await processInboundEmail(database.db, stored.id, {
    config: readConfig({ DATABASE_URL: database.url }),
  });
  expect(['ingested', 'unmatched', 'held']).toContain(outcome.status);
});
