import { spawnSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestions } from '../../db/schema/index.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { fixture } from './helpers/email.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

const database = setupTestDatabase();
const token = 'test-intake-token-0123456789';
const portal = setupTestPortal(database, { INTAKE_TOKEN: token, INTAKE_MAX_BYTES: String(64 * 1024) });

beforeAll(async () => {
  await seedIfEmpty(database.db);
});

const post = (body: BodyInit, auth = `Bearer ${token}`, origin?: string) =>
  fetch(`${portal.url}/api/intake/email`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'message/rfc822', ...(origin ? { origin } : {}) },
    body,
  });

test('POST /api/intake/email takes a raw message with the bearer token and answers 202 after the commit', async () => {
  const response = await post(fixture('gbk-8bit.eml'), `Bearer ${token}`, 'https://mta.example.edu.cn');
  expect(response.status).toBe(202);
  const result = (await response.json()) as { status: string; trackingCode: string; duplicate: boolean };
  expect(result).toMatchObject({ status: 'ingested', duplicate: false });
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.trackingCode, result.trackingCode));
  expect(row).toMatchObject({ channel: 'email', title: '青年教师' });

  const again = (await (await post(fixture('gbk-8bit.eml'))).json()) as { duplicate: boolean; suggestionId: number };
  expect(again).toMatchObject({ duplicate: true, suggestionId: row!.id });
});

test('a wrong or missing token is refused; an empty or oversized body is a clear 4xx', async () => {
  expect((await post(fixture('gbk-8bit.eml'), 'Bearer wrong-token-wrong-token')).status).toBe(401);
  expect((await post(fixture('gbk-8bit.eml'), '')).status).toBe(401);
  expect((await post(new Uint8Array())).status).toBe(400);
  expect((await post(Buffer.alloc(70 * 1024, 0x41))).status).toBe(413);
  expect((await fetch(`${portal.url}/api/intake/email`)).status).toBe(405);
});

test('npm run intake feeds saved .eml files through the same pipeline, once', () => {
  const run = () =>
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/cli/intake.ts',
        'tests/fixtures/mail/big5.eml',
        'tests/fixtures/mail/no-marker.eml',
        'missing.eml',
      ],
      {
        env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      },
    );
  const first = run();
  expect(first.stdout).toMatch(/big5\.eml\tingested\tJY-[2-9A-Z]{4}-[2-9A-Z]{4}/);
  expect(first.stdout).toContain('no-marker.eml\tunmatched\tno_marker');
  expect(first.stdout).toContain('missing.eml\tunreadable');
  expect(first.status).toBe(1);
  expect(run().stdout).toMatch(/big5\.eml\tduplicate ingested/);
}, 120_000); // several Node processes in turn: slow on a loaded machine
