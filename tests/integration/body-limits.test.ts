import { beforeAll, expect, test } from 'vitest';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { SMALL_FORM_BYTES } from '../../app/web/read-form.server.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { rawPost } from './helpers/raw-post.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Every body the portal reads has a limit, checked on the declared
// Content-Length and counted again as a chunked body streams in. Over real
// HTTP against the running portal: the answer is a localized 413, never a
// 500, and it comes after about the limit, not after the whole upload.
const INTAKE_LIMIT = 64 * 1024;
const database = setupTestDatabase();
const token = 'test-intake-token-0123456789';
const portal = setupTestPortal(database, { INTAKE_TOKEN: token, INTAKE_MAX_BYTES: String(INTAKE_LIMIT) });
const slug = 'nanhu-14th-five-year-plan';
const OFFER = 64 * 1024 * 1024;

beforeAll(async () => {
  await seedIfEmpty(database.db);
});

const formHeaders = () => ({ origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' });
const smallForms = ['/track', '/elder-mode', '/admin/login', '/rate/any-token-at-all'];

test.each(smallForms)(
  '%s refuses a declared Content-Length over its limit at once, with a localized 413 page',
  async (path) => {
    const answer = await rawPost(`${portal.url}${path}`, {
      headers: formHeaders(),
      contentLength: 10 * 1024 * 1024,
      offerBytes: 64 * 1024,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('提交的内容过大');
    expect(answer.body).toContain('16 KB');
    expect(answer.sentBytes).toBeLessThanOrEqual(64 * 1024);
  },
);

test.each(smallForms)('%s stops a chunked body soon after its limit, with a localized 413 page', async (path) => {
  const answer = await rawPost(`${portal.url}${path}`, { headers: formHeaders(), offerBytes: OFFER, chunkBytes: 4096 });
  expect(answer.status).toBe(413);
  expect(answer.body).toContain('提交的内容过大');
  // Socket buffers let some bytes through before the answer arrives; nowhere near the 64 MB on offer.
  expect(answer.sentBytes).toBeLessThan(8 * 1024 * 1024);
});

test('the 413 page is in English for an English reader', async () => {
  const answer = await rawPost(`${portal.url}/track`, {
    headers: { ...formHeaders(), cookie: 'lng=en' },
    offerBytes: SMALL_FORM_BYTES * 4,
    chunkBytes: 4096,
  });
  expect(answer.status).toBe(413);
  const main = /<main[\s\S]*<\/main>/.exec(answer.body)?.[0] ?? '';
  expect(main).toContain('What you sent is too large');
  expect(main).toContain('16 KB');
  // What a reader sees names no internal code.
  expect(main).not.toMatch(/too_large|BodyTooLarge|413/);
});

test('the suggestion form refuses a chunked url-encoded body over its total limit', async () => {
  const answer = await rawPost(`${portal.url}/plans/${slug}/suggest`, {
    headers: formHeaders(),
    offerBytes: 256 * 1024 * 1024,
    chunkBytes: 256 * 1024,
  });
  expect(answer.status).toBe(413);
  expect(answer.body).toContain('提交的内容过大');
  expect(answer.sentBytes).toBeLessThan(128 * 1024 * 1024);
});

test('the suggestion form refuses a chunked multipart body over its total limit', async () => {
  const boundary = 'HostileBoundary';
  const answer = await rawPost(`${portal.url}/plans/${slug}/suggest`, {
    headers: { origin: portal.url, 'content-type': `multipart/form-data; boundary=${boundary}` },
    prefix: `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    offerBytes: 256 * 1024 * 1024,
    chunkBytes: 256 * 1024,
  });
  expect(answer.status).toBe(413);
  expect(answer.body).toContain('提交的内容过大');
  expect(answer.sentBytes).toBeLessThan(128 * 1024 * 1024);
});

test('the export download asks who is there before it reads a byte of the body', async () => {
  const anonymous = await rawPost(`${portal.url}/admin/exports/download`, {
    headers: formHeaders(),
    offerBytes: OFFER,
    chunkBytes: 4096,
  });
  expect(anonymous.status).toBe(302);
  expect(anonymous.headers.location).toContain('/admin/login');
  expect(anonymous.sentBytes).toBeLessThan(8 * 1024 * 1024);
});

test('a signed-in planner still cannot send the export download an unbounded body', async () => {
  const planner = await createStaff(database.db, { role: 'planner' });
  const cookie = `jianyan_staff=${await signIn(database.db, planner.id)}`;
  const answer = await rawPost(`${portal.url}/admin/exports/download`, {
    headers: { ...formHeaders(), cookie },
    offerBytes: OFFER,
    chunkBytes: 16 * 1024,
  });
  expect(answer.status).toBe(413);
  expect(answer.body).toContain('提交的内容过大');
  expect(answer.sentBytes).toBeLessThan(16 * 1024 * 1024);
});

test('/api/intake/email refuses a chunked message over INTAKE_MAX_BYTES, and one declared too long', async () => {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' };
  const chunked = await rawPost(`${portal.url}/api/intake/email`, { headers, offerBytes: OFFER, chunkBytes: 4096 });
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body)).toEqual({ error: `message too large (limit ${INTAKE_LIMIT} bytes)` });
  expect(chunked.sentBytes).toBeLessThan(8 * 1024 * 1024);
  const declared = await rawPost(`${portal.url}/api/intake/email`, {
    headers,
    contentLength: INTAKE_LIMIT + 1,
    offerBytes: 1024,
  });
  expect(declared.status).toBe(413);
});

test('a form body within the limit is still read', async () => {
  const response = await fetch(`${portal.url}/elder-mode`, {
    method: 'POST',
    headers: formHeaders(),
    body: 'elder=1&returnTo=%2Fprivacy',
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/privacy');
});

test('an unreadable form body is a localized 400, not a 500', async () => {
  const response = await fetch(`${portal.url}/track`, {
    method: 'POST',
    headers: { origin: portal.url, 'content-type': 'multipart/form-data; boundary=XYZ' },
    body: '--XYZ\r\nContent-Disposition: form-data; name="code"\r\n\r\nunterminated',
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('提交的数据无法读取');
});
