import { afterAll, beforeAll, expect, test } from 'vitest';
import { readConfig } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { startPortal, type RunningPortal } from '../../app/server/portal.ts';
import { seedDemoStaff } from '../../scripts/demo/staff.ts';
import { staffUsers } from '../../db/schema/index.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
let portal: RunningPortal;

// The whole `npm start` path against a real database: build if needed,
// migrate, seed the empty database, serve, then shut down.
beforeAll(async () => {
  const config = readConfig({ DATABASE_URL: database.url, PORT: '0' });
  portal = await startPortal(config, createLogger('silent'));
});

afterAll(async () => {
  await portal?.close();
});

test('the home page lists the seeded demo consultation with its Chinese title', async () => {
  const response = await fetch(`${portal.url}/`);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain('<html lang="zh-CN"');
  expect(html).toContain('南湖大学“十四五”事业发展规划（征求意见稿）');
  expect(html).toContain('征集截止');
});

test('?lng=en switches to English and remembers it in a cookie', async () => {
  const response = await fetch(`${portal.url}/?lng=en`);
  expect(response.headers.get('set-cookie')).toMatch(/^lng=en;.*HttpOnly/i);
  const html = await response.text();
  expect(html).toContain('<html lang="en"');
  expect(html).toContain('Consultations open for comment');
  const again = await fetch(`${portal.url}/`, { headers: { cookie: 'lng=en' } });
  expect(await again.text()).toContain('Consultations open for comment');
});

test('a plan page has a table of contents linking to every section', async () => {
  const html = await (await fetch(`${portal.url}/plans/nanhu-14th-five-year-plan`)).text();
  const anchors = [...html.matchAll(/href="#(section-\d+)"/g)].map((m) => m[1]);
  expect(anchors.length).toBeGreaterThanOrEqual(9);
  for (const anchor of anchors) expect(html).toContain(`id="${anchor}"`);
  expect(html).toContain('第三章');
});

test('unknown pages and draft plans answer 404 with a localized page', async () => {
  const missing = await fetch(`${portal.url}/plans/does-not-exist`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain('页面不存在');
  expect((await fetch(`${portal.url}/no/such/page`)).status).toBe(404);
});

test('/healthz answers 200 JSON, uncached', async () => {
  const response = await fetch(`${portal.url}/healthz`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});

test('responses carry the basic security headers', async () => {
  const response = await fetch(`${portal.url}/`);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('x-powered-by')).toBeNull();
});

test('a development start on an empty database creates one demo account per role, once', async () => {
  const accounts = await database.db
    .select({ email: staffUsers.email, role: staffUsers.role })
    .from(staffUsers)
    .orderBy(staffUsers.id);
  expect(accounts).toEqual([
    { email: 'admin@demo.jianyan.invalid', role: 'admin' },
    { email: 'moderator@demo.jianyan.invalid', role: 'moderator' },
    { email: 'planner@demo.jianyan.invalid', role: 'planner' },
  ]);
  // Any later start finds staff and creates (and prints) nothing.
  expect(await seedDemoStaff(database.db)).toEqual([]);
});
