import fc from 'fast-check';
import { SMALL_FORM_BYTES } from '../../app/web/read-form.server.ts';
import { beforeAll, expect, test } from 'vitest';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { openForm, passToken, setupTestPortal } from '../integration/helpers/test-portal.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { runs } from './fuzz-runs.ts';

// The suggestion form's action and /track, through the real server: whatever
// a client sends, the answer is a page or a redirect with a 2xx, 3xx or 4xx
// status, never a 500.

const database = setupTestDatabase();
const portal = setupTestPortal(database, {
  RATE_LIMIT_SUBMIT_PER_HOUR: '1000000',
  RATE_LIMIT_TRACK_PER_HOUR: '1000000',
});
const slug = 'nanhu-14th-five-year-plan';
let categoryId = '1';

beforeAll(async () => {
  await seedIfEmpty(database.db);
  categoryId = (await openForm(portal, slug)).categoryId;
});

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 3000 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '<script>alert(1)</script>',
    "'; drop table suggestions; --",
    '%00',
    '../../etc/passwd',
    '-1',
    '1e309',
    'NaN',
    '9'.repeat(40),
    '建议'.repeat(20_000),
  ),
);
const fieldNames = [
  'intakeKey',
  'categoryId',
  'sectionId',
  'title',
  'body',
  'submitterType',
  'name',
  'unit',
  'phone',
  'email',
  'consent',
  'publication',
  'website',
  'captcha-token',
  'h-captcha-response',
];

const submission = fc.record({
  fields: fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 20 })), hostile, {
    maxKeys: 20,
  }),
  keepValid: fc.boolean(),
  multipart: fc.boolean(),
  files: fc.array(fc.record({ name: hostile, bytes: fc.uint8Array({ maxLength: 2048 }) }), { maxLength: 3 }),
});

test('the suggestion form action: never a 500, whatever is posted', async () => {
  await fc.assert(
    fc.asyncProperty(submission, async ({ fields, keepValid, multipart, files }) => {
      const base: Record<string, string> = keepValid
        ? {
            intakeKey: crypto.randomUUID(),
            categoryId,
            title: '合理的标题',
            body: '一条足够长的意见正文，用来通过长度检查。',
            submitterType: '在校学生',
            consent: 'on',
            'captcha-token': passToken(),
          }
        : {};
      const all = { ...base, ...fields };
      let body: FormData | URLSearchParams;
      if (multipart) {
        const form = new FormData();
        for (const [name, value] of Object.entries(all)) form.append(name, value);
        for (const file of files) form.append('attachments', new File([file.bytes], file.name));
        body = form;
      } else {
        body = new URLSearchParams(all);
      }
      const response = await fetch(`${portal.url}/plans/${slug}/suggest`, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: { origin: portal.url },
      });
      await response.arrayBuffer();
      expect(response.status, JSON.stringify(all).slice(0, 500)).toBeLessThan(500);
    }),
    runs(150),
  );
}, 600_000);

const NODE_MAX_HEADER_BYTES = 16 * 1024;

test('/track: never a 500, by GET or POST', async () => {
  const lookup = fc.record({
    code: fc.oneof(hostile, fc.stringMatching(/^JY-[2-9A-Z]{4}-[2-9A-Z]{4}$/)),
    contact: hostile,
    intent: fc.oneof(fc.constantFrom('rate', 'track', ''), hostile),
    rating: fc.oneof(fc.constantFrom('1', '5', '0', '6'), hostile),
    comment: hostile,
    get: fc.boolean(),
  });
  await fc.assert(
    fc.asyncProperty(lookup, async ({ get, ...fields }) => {
      const body = new URLSearchParams(fields);
      // Over the public form limit the server answers 413 before reading the
      // rest and closes the connection (body-limits.test.ts checks that
      // answer); fetch, still uploading, may then see the socket close. That
      // is the limit at work, not a crash: only for such a body is it accepted.
      // A GET whose URL passes Node's 16 KiB header limit is refused (431) the same way.
      const oversized = Buffer.byteLength(body.toString()) > (get ? NODE_MAX_HEADER_BYTES : SMALL_FORM_BYTES);
      const answer = async () => {
        const response = get
          ? await fetch(`${portal.url}/track?${body}`, { redirect: 'manual' })
          : await fetch(`${portal.url}/track`, {
              method: 'POST',
              body,
              redirect: 'manual',
              headers: { origin: portal.url },
            });
        await response.arrayBuffer();
        return response.status;
      };
      const status = await answer().catch((error: unknown) => {
        if (oversized && (error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return 413;
        throw error;
      });
      expect(status, JSON.stringify(fields).slice(0, 500)).toBeLessThan(500);
    }),
    runs(200),
  );
}, 600_000);
