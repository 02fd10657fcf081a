import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { ContactAccessDenied } from '../../app/domain/contacts/contacts.server.ts';
import { revealSuggestionContact } from '../../app/domain/moderation/reveal-suggestion-contact.server.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { readConfig } from '../../app/server/config.ts';
import { auditLog } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { ingest } from './helpers/email.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Issue 13 (decision 058): a mail's subject is masked for every moderator and
// its original sealed. The audited reveal on the suggestion's page shows it as
// sent; without read:contact:any it is never shown, over HTTP or in the domain.

const database = setupTestDatabase();
const web = setupTestPortal(database);
const config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
const phone = '13677778888';
const email = 'lu.xiaofeng@example.edu.cn';
const subject = `操场意见：跑道翻修 联系 ${phone} ${email}`;
const staff = { moderator: { id: 0, cookie: '' }, reader: { id: 0, cookie: '' } };
let suggestionId: number;

const b64 = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

beforeAll(async () => {
  await createPlan(database.db, { emailMarker: '操场意见' });
  const raw = Buffer.from(
    [
      `From: ${b64('陆小凤')} <${email}>`,
      'To: ghy@example.edu.cn',
      `Subject: ${b64(subject)}`,
      'Message-ID: <reveal-subject-1@mail.example.edu.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '建议暑假翻修操场跑道。',
      '',
    ].join('\r\n'),
  );
  const { outcome } = await ingest(database.db, config, raw);
  expect(outcome.status).toBe('ingested');
  suggestionId = outcome.suggestionId!;
  for (const [who, grants] of [
    ['moderator', []],
    ['reader', ['read:contact:any']],
  ] as const) {
    const { id } = await createStaff(database.db, { role: 'moderator', grants: [...grants], totp: grants.length > 0 });
    staff[who] = { id, cookie: `jianyan_staff=${await signIn(database.db, id)}` };
  }
});

const reveal = (cookie: string) =>
  fetch(`${web.url}/admin/suggestions/${suggestionId}/contact`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: web.url, cookie },
    body: new URLSearchParams({ reason: '核实来信人身份' }),
  });
const page = async (cookie: string) =>
  (await fetch(`${web.url}/admin/suggestions/${suggestionId}`, { headers: { cookie } })).text();
const reveals = () =>
  database.db.$count(
    auditLog,
    and(eq(auditLog.action, 'contact.revealed'), eq(auditLog.targetId, String(suggestionId))),
  );

test('the reveal shows the mail subject as sent, audited', async () => {
  const before = await page(staff.reader.cookie);
  expect(before).not.toContain(phone);
  expect(before).not.toContain(email);
  const response = await reveal(staff.reader.cookie);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain(`<figcaption>邮件主题原文</figcaption><p class="suggestion-body">${subject}</p>`);
  expect(await reveals()).toBe(1);
});

test('without the contact permission the subject is never shown, and nothing is logged', async () => {
  const before = await reveals();
  const html = await page(staff.moderator.cookie);
  expect(html).not.toContain(phone);
  expect(html).not.toContain(email);
  const response = await reveal(staff.moderator.cookie);
  expect(response.status).toBe(403);
  const body = await response.text();
  expect(body).not.toContain(phone);
  expect(body).not.toContain('邮件主题原文');
  const viewer = { id: staff.moderator.id, permissions: permissionsOf('moderator', []) };
  await expect(revealSuggestionContact(database.db, { suggestionId, viewer, reason: '核实' })).rejects.toThrow(
    ContactAccessDenied,
  );
  expect(await reveals()).toBe(before);
});

test('in the domain: the subject comes with the contact details of the reveal', async () => {
  const viewer = { id: staff.reader.id, permissions: permissionsOf('moderator', ['read:contact:any']) };
  const revealed = await revealSuggestionContact(database.db, { suggestionId, viewer, reason: '回电核实' });
  expect(revealed?.mailSubject).toBe(subject);
  expect(revealed?.email).toBe(email);
});
