import postgres from 'postgres';
import { beforeAll, expect, inject, test } from 'vitest';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// The CI-sized version of tests/faults/database-restart.test.ts: this file's
// database refuses connections for a moment (its sessions cut, new ones
// refused), which the portal sees exactly as a database that went away.

const database = setupTestDatabase();
const portal = setupTestPortal(database);
const slug = 'nanhu-14th-five-year-plan';

beforeAll(async () => {
  await seedIfEmpty(database.db);
});

async function setConnections(allowed: boolean) {
  const admin = postgres(inject('databaseAdminUrl'), { max: 1, onnotice: () => {} });
  const name = new URL(database.url).pathname.slice(1);
  try {
    await admin.unsafe(`alter database ${name} allow_connections ${allowed}`);
    if (!allowed)
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  } finally {
    await admin.end();
  }
}

test('while the database is away: 503 with Retry-After and a plain page, /healthz says so; then it recovers by itself', async () => {
  expect((await fetch(`${portal.url}/plans/${slug}`)).status).toBe(200);
  await setConnections(false);
  try {
    const page = await fetch(`${portal.url}/plans/${slug}`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('30');
    const html = await page.text();
    expect(html).toContain('服务暂时不可用');
    expect(html).not.toMatch(/\bat \S+ \(|Error:|postgres|allow_connections|not currently accepting/i);
    const health = await fetch(`${portal.url}/healthz`);
    expect(health.status).toBe(503);
    // Client-side navigation and form posts (React Router's single-fetch
    // *.data requests) get the same 503 with Retry-After, in the router's own
    // encoding so that the client can still decode it.
    const data = await fetch(`${portal.url}/plans/${slug}.data`);
    expect(data.status).toBe(503);
    expect(data.headers.get('retry-after')).toBe('30');
    expect(data.headers.get('content-type')).toMatch(/^text\/x-script/);
    expect(await data.text()).not.toMatch(/\bat \S+ \(|postgres|allow_connections|not currently accepting/i);
    const posted = await fetch(`${portal.url}/track.data`, {
      method: 'POST',
      headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=JY-AAAA-AAAA&contact=13800138000',
    });
    expect(posted.status).toBe(503);
    expect(posted.headers.get('retry-after')).toBe('30');
    await posted.body?.cancel();
    // A page that does not need the database still works.
    expect((await fetch(`${portal.url}/privacy`)).status).toBeLessThan(500);
  } finally {
    await setConnections(true);
  }
  await expect.poll(async () => (await fetch(`${portal.url}/healthz`)).status, { timeout: 20_000 }).toBe(200);
  expect((await fetch(`${portal.url}/plans/${slug}`)).status).toBe(200);
  expect((await fetch(`${portal.url}/plans/${slug}.data`)).status).toBe(200);
});
