import { beforeAll, expect, test } from 'vitest';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { openForm, postSuggestion, setupTestPortal } from './helpers/test-portal.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database, { RATE_LIMIT_SUBMIT_PER_HOUR: '2', RATE_LIMIT_TRACK_PER_HOUR: '2' });

beforeAll(async () => {
  await seedIfEmpty(database.db);
});

test('submitting past the per-IP limit gives a localized 429 with Retry-After', async () => {
  const post = async () => {
    const { intakeKey } = await openForm(portal, 'nanhu-14th-five-year-plan');
    return postSuggestion(portal, 'nanhu-14th-five-year-plan', { fields: { intakeKey } });
  };
  expect((await post()).status).toBe(400);
  expect((await post()).status).toBe(400);
  const limited = await post();
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
  expect(await limited.text()).toContain('请求过于频繁');
});

test('tracking past the per-IP limit gives 429 too', async () => {
  const track = () =>
    fetch(`${portal.url}/track`, {
      method: 'POST',
      headers: { origin: portal.url },
      body: new URLSearchParams({ code: 'JY-2222-2222', contact: 'a@b.c' }),
    });
  expect((await track()).status).toBe(404);
  expect((await track()).status).toBe(404);
  expect((await track()).status).toBe(429);
});

test('receipt look-ups past the per-IP limit give 429 too, so codes cannot be probed', async () => {
  const receipt = () => fetch(`${portal.url}/receipt/JY-2222-3333`);
  expect((await receipt()).status).toBe(404);
  expect((await receipt()).status).toBe(404);
  const limited = await receipt();
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
});
