import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { attachments, auditLog, inboundEmails } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';
import { sealedInboundEmail } from '../factories/sealed.ts';

// The triage pages over HTTP: what the HTML contains (masked contact), how
// downloads are served, and bulk actions through the no-JavaScript form.
const database = setupTestDatabase();
const portal = setupTestPortal(database);
let cookie: string;
let readerCookie: string;
let suggestionId: number;
let attachmentId: number;
let emailId: number;

beforeAll(async () => {
  const plan = await createPlan(database.db);
  const raw = Buffer.from(
    'From: Zhang <zhang@example.edu.cn>\r\nTo: jianyan@example.edu.cn\r\nSubject: hi\r\nMessage-ID: <page-1@example.edu.cn>\r\n\r\nbody\r\n',
  );
  const [email] = await database.db
    .insert(inboundEmails)
    .values({
      dedupeKey: 'pages',
      messageId: '<page-1@example.edu.cn>',
      source: 'test',
      ...sealedInboundEmail(raw, '<p>建议<b>增设</b>夜宵窗口。</p><p>联系方式：13800138000</p>'),
      sizeBytes: raw.byteLength,
      status: 'ingested',
    })
    .returning();
  emailId = email!.id;
  const saved = await createSuggestion(database.db, plan.id, {
    channel: 'email',
    intakeMeta: { inboundEmailId: emailId, messageId: '<page-1@example.edu.cn>' },
    // A file that a browser would happily render as a page, were it served inline.
    attachments: [
      { filename: '说明 "a".txt', contentType: 'text/plain', bytes: Buffer.from('<script>alert(1)</script>') },
    ],
  });
  suggestionId = saved.id;
  attachmentId = (
    await database.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.suggestionId, saved.id))
  )[0]!.id;
  cookie = `jianyan_staff=${await signIn(database.db, (await createStaff(database.db, { role: 'moderator' })).id)}`;
  readerCookie = `jianyan_staff=${await signIn(database.db, (await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'], totp: true })).id)}`;
});

const get = (path: string, as = cookie) =>
  fetch(`${portal.url}${path}`, { headers: { cookie: as }, redirect: 'manual' });

test('the detail page shows the contact masked and the mail headers with the sender masked', async () => {
  const html = await (await get(`/admin/suggestions/${suggestionId}`)).text();
  expect(html).toContain('张**');
  expect(html).toContain('138********');
  expect(html).not.toContain('5678');
  expect(html).toContain('z***@example.edu.cn');
  expect(html).not.toContain('13812345678');
  expect(html).not.toContain('zhang@example.edu.cn');
  expect(html).toContain('&lt;page-1@example.edu.cn&gt;');
});

test('attachments download as attachments, with their type and nosniff', async () => {
  const response = await get(`/admin/suggestions/${suggestionId}/attachments/${attachmentId}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain\b/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-disposition')).toBe(
    `attachment; filename="__ _a_.txt"; filename*=UTF-8''${encodeURIComponent('说明 "a".txt')}`,
  );
  expect(await response.text()).toBe('<script>alert(1)</script>');
  expect((await get(`/admin/suggestions/${suggestionId}/attachments/${attachmentId + 999}`)).status).toBe(404);
});

test('the original .eml downloads for contact readers only', async () => {
  expect((await get(`/admin/inbox/${emailId}/eml`)).status).toBe(403);
  const response = await get(`/admin/inbox/${emailId}/eml`, readerCookie);
  expect(response.headers.get('content-type')).toBe('message/rfc822');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="message-\d+\.eml"/);
  expect(await response.text()).toContain('Message-ID: <page-1@example.edu.cn>');
});

test('the sanitized HTML of a mail opens for contact readers only, sandboxed, and each view is audited', async () => {
  expect((await get(`/admin/inbox/${emailId}/html`)).status).toBe(403);
  const before = await database.db.$count(auditLog, eq(auditLog.action, 'inbound_email.html_viewed'));
  const response = await get(`/admin/inbox/${emailId}/html`, readerCookie);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  expect(await response.text()).toContain('<p>建议<b>增设</b>夜宵窗口。</p>');
  expect(await database.db.$count(auditLog, eq(auditLog.action, 'inbound_email.html_viewed'))).toBe(before + 1);
  const detail = await (await get(`/admin/suggestions/${suggestionId}`, readerCookie)).text();
  expect(detail).toContain(`/admin/inbox/${emailId}/html`);
});

test('bulk tagging works as a plain form post', async () => {
  const body = new URLSearchParams([
    ['intent', 'addTags'],
    ['tags', '无脚本'],
    ['id', String(suggestionId)],
  ]);
  const response = await fetch(`${portal.url}/admin/suggestions`, {
    method: 'POST',
    body,
    headers: { cookie, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('已对 1 条意见建议执行操作。');
  const queue = await (await get('/admin/suggestions')).text();
  expect(queue).toContain('无脚本');
});
