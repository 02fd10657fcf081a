import { beforeAll, expect, test } from 'vitest';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// The headers every page carries, read off the running portal. PUBLIC_URL is
// https here, as in production, so HSTS is expected too.
const database = setupTestDatabase();
const portal = setupTestPortal(database, {
  PUBLIC_URL: 'https://consult.example.edu.cn',
  HCAPTCHA_SCRIPT_URL: 'http://127.0.0.1:9/1/api.js',
});
const slug = 'nanhu-14th-five-year-plan';

beforeAll(async () => {
  await seedIfEmpty(database.db);
});

function directives(header: string | null) {
  return new Map(
    (header ?? '').split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
}

test('the public form: a nonce-based CSP with scripts only from the portal and hCaptcha, and the nonce on every script', async () => {
  const response = await fetch(`${portal.url}/plans/${slug}/suggest`);
  expect(response.status).toBe(200);
  const csp = directives(response.headers.get('content-security-policy'));
  const scripts = csp.get('script-src')!;
  const nonce = scripts.find((source) => source.startsWith("'nonce-"))!.slice("'nonce-".length, -1);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(scripts.filter((source) => !source.startsWith("'nonce-")).sort()).toEqual(
    ["'self'", 'http://127.0.0.1:9', 'https://*.hcaptcha.com', 'https://hcaptcha.com'].sort(),
  );
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  expect(csp.get('frame-src')).toContain('https://*.hcaptcha.com');

  const html = await response.text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
});

test('each response gets a fresh nonce', async () => {
  const nonceOf = async () =>
    /'nonce-([^']+)'/.exec((await fetch(`${portal.url}/`)).headers.get('content-security-policy') ?? '')?.[1];
  const [a, b] = [await nonceOf(), await nonceOf()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});

test('HSTS, Referrer-Policy, X-Content-Type-Options and framing headers on public and staff pages', async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  // https PUBLIC_URL: the session cookie carries the __Host- prefix.
  const cookie = `__Host-jianyan_staff=${await signIn(database.db, staff.id)}`;
  for (const [path, headers] of [
    ['/', {}],
    ['/track', {}],
    ['/admin/suggestions', { cookie }],
  ] as const) {
    const response = await fetch(`${portal.url}${path}`, { headers, redirect: 'manual' });
    expect(response.status, path).toBe(200);
    expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
    expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors'), path).toEqual([
      "'none'",
    ]);
  }
});
