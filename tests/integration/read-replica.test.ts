import { beforeAll, expect, test } from 'vitest';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// DATABASE_REPLICA_URL (decision 096). A streaming replica cannot be made in
// a test run, so a second database stands in for it: whatever only it holds
// can only have been read from it. The two start as equal copies (same plan,
// same ids); the "replica" alone then gets one suggestion.

const primary = setupTestDatabase();
const replica = setupTestDatabase();
// No demo data: both databases must hold the same rows but the one suggestion.
const env: Record<string, string> = { SEED_DEMO: 'never' };
beforeAll(() => {
  env.DATABASE_REPLICA_URL = replica.url;
});
const portal = setupTestPortal(primary, env);
const brokenReplica = setupTestPortal(primary, {
  SEED_DEMO: 'never',
  DATABASE_REPLICA_URL: 'postgres://nobody:nothing@127.0.0.1:1/none',
});

const ONLY_ON_REPLICA = '只在副本中的意见：图书馆延长开放';
let cookie: string;
let planSlug: string;
let replicaSuggestionId: number;

beforeAll(async () => {
  for (const db of [primary.db, replica.db]) {
    const plan = await createPlan(db, { slug: 'replica-plan' });
    await addCategories(db, plan.id, ['校园建设']);
    planSlug = plan.slug;
  }
  const [plan] = await replica.sql`select id from plans where slug = 'replica-plan'`;
  const saved = await submitSuggestion(replica.db, {
    planId: Number(plan!.id),
    channel: 'letter',
    title: ONLY_ON_REPLICA,
    body: '建议周末也开放到晚上十点。',
    submitterType: '在校学生',
    contact: {},
    trackUrl: 'http://localhost/track',
  });
  replicaSuggestionId = saved.id;
  // Sessions and permissions are read from the primary only.
  const staff = await createStaff(primary.db, { role: 'planner' });
  cookie = `jianyan_staff=${await signIn(primary.db, staff.id)}`;
});

const get = (base: { url: string }, path: string) =>
  fetch(`${base.url}${path}`, { headers: { cookie }, redirect: 'manual' });

test('the staff queue and its search read the replica', async () => {
  const page = await get(portal, '/admin/suggestions');
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(ONLY_ON_REPLICA);
});

test('the plan dashboard reads the replica', async () => {
  expect((await get(portal, `/admin/plans/${planSlug}/dashboard`)).status).toBe(200);
  // The primary holds no suggestion for this plan; the replica one letter.
  const csv = await (await get(portal, `/admin/plans/${planSlug}/dashboard/csv/byChannel`)).text();
  expect(csv).toMatch(/信函,1,/);
});

test('a suggestion page reads the primary: what the replica alone holds is not found there', async () => {
  expect((await get(portal, `/admin/suggestions/${replicaSuggestionId}`)).status).toBe(404);
});

test('while the replica is unreachable its pages answer 503 and the rest of the portal works', async () => {
  const queue = await get(brokenReplica, '/admin/suggestions');
  expect(queue.status).toBe(503);
  expect(queue.headers.get('retry-after')).toBeTruthy();
  expect((await get(brokenReplica, '/admin')).status).toBe(200);
  expect((await fetch(`${brokenReplica.url}/`)).status).toBe(200);
});
