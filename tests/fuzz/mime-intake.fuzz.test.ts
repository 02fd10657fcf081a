import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { processInboundEmail } from '../../app/domain/intake/email/process-email.server.ts';
import { storeInboundEmail } from '../../app/domain/intake/email/store-email.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { mutationOf, runs } from './fuzz-runs.ts';

// MIME intake, store then process, on the real database: random bytes and
// mutations of every mail fixture end in a known status (ingested, or a queue
// for a person) and never throw or hang. Every mail fixture's provenance is in
// tests/fixtures/mail.

const database = setupTestDatabase();
const dir = path.resolve('tests/fixtures/mail');
const fixtures = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.eml'))
  .map((name) => fs.readFileSync(path.join(dir, name)));
const STATUSES = ['ingested', 'unmatched', 'held', 'auto_reply', 'bounce', 'discarded', 'pending'];
let config: ReturnType<typeof readConfig>;
// Why mail was held, counted, for the report at the end of the file.
const heldReasons = new Map<string, number>();

beforeAll(async () => {
  await seedIfEmpty(database.db);
  config = readConfig({ DATABASE_URL: database.url });
});
afterAll(() => {
  console.info(`held: ${JSON.stringify(Object.fromEntries(heldReasons))}`);
});

async function intake(raw: Buffer) {
  const started = Date.now();
  const stored = await storeInboundEmail(database.db, raw, 'file');
  const outcome = await processInboundEmail(database.db, stored.id, { config });
  expect(STATUSES, outcome.reason ?? '').toContain(outcome.status);
  if (outcome.status === 'held') {
    const reason = (outcome.reason ?? '').replace(/:.*/s, '');
    heldReasons.set(reason, (heldReasons.get(reason) ?? 0) + 1);
  }
  expect(Date.now() - started).toBeLessThan(20_000);
}

test(`mutations of the ${fixtures.length} mail fixtures: a known outcome, never an exception`, async () => {
  expect(fixtures.length).toBeGreaterThan(10);
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: fixtures.length - 1 }).chain((i) => mutationOf(fixtures[i]!)),
      intake,
    ),
    runs(120),
  );
}, 600_000);

test('random bytes and random header soup: a known outcome, never an exception', async () => {
  const header = fc.tuple(
    fc.constantFrom(
      'Subject',
      'From',
      'To',
      'Content-Type',
      'Content-Transfer-Encoding',
      'Message-ID',
      'MIME-Version',
      'Auto-Submitted',
      'Date',
      'X-Anything',
    ),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  const soup = fc
    .tuple(fc.array(header, { maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 2000 }))
    .map(([headers, body]) =>
      Buffer.from(`${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`, 'utf8'),
    );
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)),
        soup,
      ),
      intake,
    ),
    runs(80),
  );
}, 600_000);
