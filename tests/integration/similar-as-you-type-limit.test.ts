import { beforeAll, expect, test } from 'vitest';
import { suggestions } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Issue 18: similar suggestions as one types count against the visitor's
// similar-search allowance (ten per permitted submission an hour). Once it is
// used up, a lookup from the JavaScript form is refused with JSON, so the page
// and what was typed stay; the button without JavaScript gets the 429 page.

const database = setupTestDatabase();
// One submission an hour: an allowance of ten lookups.
const portal = setupTestPortal(database, { RATE_LIMIT_SUBMIT_PER_HOUR: '1' });
let slug = '';

beforeAll(async () => {
  slug = (await createPlan(database.db, { slug: 'similar-limit' })).slug;
});

const ask = (path: string) => {
  const form = new FormData();
  form.append('title', '食堂营业时间');
  form.append('body', '食堂晚上营业时间太短');
  return fetch(`${portal.url}${path}`, { method: 'POST', body: form, headers: { origin: portal.url } });
};

test('past the allowance a live lookup answers 429 with Retry-After and an empty list; the button gets the 429 page', async () => {
  const before = await database.db.$count(suggestions);
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await ask(`/plans/${slug}/similar`)).status);
  expect(statuses).toEqual(Array(10).fill(200));

  const refused = await ask(`/plans/${slug}/similar`);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await refused.json()).toEqual({ similar: [] });

  const button = await ask(`/plans/${slug}/suggest?similar`);
  expect(button.status).toBe(429);
  expect(await database.db.$count(suggestions)).toBe(before);
});
