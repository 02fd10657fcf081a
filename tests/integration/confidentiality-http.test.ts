import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestions } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Confidentiality acts over HTTP, with the bodies a browser would never send.

const database = setupTestDatabase();
const portal = setupTestPortal(database);
const cookies = { moderator: '', contactReader: '' };

beforeAll(async () => {
  const moderator = await createStaff(database.db, { role: 'moderator' });
  const reader = await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'], totp: true });
  cookies.moderator = `jianyan_staff=${await signIn(database.db, moderator.id)}`;
  cookies.contactReader = `jianyan_staff=${await signIn(database.db, reader.id)}`;
});

const post = (path: string, fields: Record<string, string>, cookie: string) =>
  fetch(`${portal.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url, cookie },
    body: new URLSearchParams(fields),
  });
const consentOf = async (id: number) =>
  (await database.db.select({ c: suggestions.publicationConsent }).from(suggestions).where(eq(suggestions.id, id)))[0]!
    .c;

test('a moderator without the contact permission cannot make a name public from the suggestion page', async () => {
  const plan = await createPlan(database.db);
  const { id } = await createSuggestion(database.db, plan.id);
  for (const consent of ['named', 'anonymous']) {
    const response = await post(
      `/admin/suggestions/${id}`,
      { intent: 'consent', consent, note: '2026-12-03 来电，本人同意署名公开' },
      cookies.moderator,
    );
    expect(response.status, consent).toBe(403);
  }
  expect(await consentOf(id)).toBe('none');
  const allowed = await post(
    `/admin/suggestions/${id}`,
    { intent: 'consent', consent: 'named', note: '2026-12-03 来电，本人同意署名公开' },
    cookies.contactReader,
  );
  expect(allowed.status).toBe(200);
  expect(await consentOf(id)).toBe('named');
});

test('login sends a tab-smuggled or backslash redirect home, never to another host', async () => {
  for (const target of [
    '/%09/evil.example',
    '/%5Cevil.example',
    '//evil.example',
    'https://evil.example',
    '/%0d%0a/evil.example',
  ]) {
    const page = await fetch(`${portal.url}/admin/login?redirectTo=${target}`, {
      redirect: 'manual',
      headers: { cookie: cookies.moderator },
    });
    expect(page.status, target).toBe(302);
    expect(page.headers.get('location'), target).toBe('/admin');
  }
  const local = await fetch(
    `${portal.url}/admin/login?redirectTo=${encodeURIComponent('/admin/suggestions?status=new')}`,
    { redirect: 'manual', headers: { cookie: cookies.moderator } },
  );
  expect(local.headers.get('location')).toBe('/admin/suggestions?status=new');
});
