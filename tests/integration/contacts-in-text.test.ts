import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { enrichSuggestion } from '../../app/domain/enrichment/enrich-suggestion.server.ts';
import { readConfig } from '../../app/server/config.ts';
import {
  auditLog,
  attachments,
  suggestions,
  suggestionSearch,
  suggestionTextOriginals,
} from '../../db/schema/index.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { composeMail } from './helpers/compose-mail.ts';
import { ingest } from './helpers/email.ts';
import { demoPlanId, zipText } from './helpers/exports.ts';
import { openForm, passToken, postSuggestion, setupTestPortal } from './helpers/test-portal.ts';

// Issue 13, point 4: contact details written into a suggestion's text, title
// or attachment, by the web form and by mail, never reach a planner without
// read:contact:any: not on the detail page, not through search, not in any
// export. A contact reader opens the original, and that is audited.

const database = setupTestDatabase();
const portal = setupTestPortal(database);
const slug = 'nanhu-14th-five-year-plan';
const cookies = { planner: '', reader: '' };
let readerId = 0;
const ids = { web: 0, mail: 0 };

const webTitle = '关于东区自行车停放点的建议（联系电话 0371-63912345）';
const webBody = [
  '建议在东区增设自行车停放点，目前第 3.2.1 节规划到 2035 年的停车位不足 5000 个。',
  '如需沟通请联系我：手机 139 1234 5678，邮箱 liu.yanqiu@example.edu.cn。',
  '姓名：柳燕秋',
  '身份证号 11010519491231002X',
  '',
  '此致',
  '敬礼！',
  '',
  '柳燕秋',
  '2026年12月7日',
].join('\n');
const attachmentText = '停车调查附表。联系人：柳燕秋，电话：13912345678';
const mailBody = '建议食堂周末延长营业时间，方便留校学生。\n\n-- \n韩冬青\n数学与统计学院\n电话 135 9876 1234\n';
// Everything above that identifies a person; none may reach a planner.
const secrets = [
  '63912345',
  '139 1234 5678',
  '13912345678',
  '1234 5678',
  'liu.yanqiu',
  '柳燕秋',
  '燕秋',
  '11010519491231002X',
  '19491231',
  '韩冬青',
  '冬青',
  '9876 1234',
  '13598761234',
  '数学与统计学院',
];
const leaked = (text: string) => secrets.filter((secret) => text.includes(secret));

beforeAll(async () => {
  await seedIfEmpty(database.db);
  const planner = await createStaff(database.db, { role: 'planner' });
  const reader = await createStaff(database.db, { role: 'planner', grants: ['read:contact:any'], totp: true });
  readerId = reader.id;
  cookies.planner = `jianyan_staff=${await signIn(database.db, planner.id)}`;
  cookies.reader = `jianyan_staff=${await signIn(database.db, reader.id)}`;

  const form = await openForm(portal, slug);
  const fields = {
    intakeKey: form.intakeKey,
    categoryId: form.categoryId,
    title: webTitle,
    body: webBody,
    submitterType: '在校学生',
    // The contact field the plan asks for; the details in the text come on top of it.
    phone: '13700001111',
    consent: 'on',
    'captcha-token': passToken(),
  };
  const response = await postSuggestion(portal, slug, {
    fields,
    files: [new File([attachmentText], '停车调查.txt', { type: 'text/plain' })],
  });
  expect(response.status).toBe(303);
  const code = response.headers.get('location')!.split('/').pop()!;
  ids.web = (
    await database.db.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.trackingCode, code))
  )[0]!.id;
  // The search row and fingerprint, as the enrichment job builds them a moment after the receipt.
  await enrichSuggestion(database.db, ids.web);

  const config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
  const raw = await composeMail({
    from: '韩冬青 <han.dongqing@example.edu.cn>',
    subject: "'十四五'规划意见建议 食堂营业时间",
    text: mailBody,
    messageId: '<contacts-in-text-1@example.edu.cn>',
  });
  const { outcome } = await ingest(database.db, config, raw);
  expect(outcome).toMatchObject({ status: 'ingested' });
  ids.mail = (outcome as { suggestionId: number }).suggestionId;
});

const get = (path: string, cookie: string) =>
  fetch(`${portal.url}${path}`, { headers: { cookie }, redirect: 'manual' });

test('what is stored readable, indexed and fingerprinted is the masked text; the original is sealed', async () => {
  const [web] = await database.db.select().from(suggestions).where(eq(suggestions.id, ids.web));
  expect(web!.title).toBe('关于东区自行车停放点的建议（联系电话 0371-********）');
  expect(web!.body).toContain('第 3.2.1 节规划到 2035 年的停车位不足 5000 个');
  expect(web!.body).toContain('手机 139********');
  expect(web!.body).toContain('2026年12月7日');
  const [file] = await database.db
    .select({ text: attachments.extractedText })
    .from(attachments)
    .where(eq(attachments.suggestionId, ids.web));
  expect(file!.text).toContain('停车调查附表');
  const stored = [web!.title, web!.body, file!.text!];
  for (const id of [ids.web, ids.mail]) {
    const [search] = await database.db
      .select({ text: suggestionSearch.searchText })
      .from(suggestionSearch)
      .where(eq(suggestionSearch.suggestionId, id));
    const [row] = await database.db.select({ body: suggestions.body }).from(suggestions).where(eq(suggestions.id, id));
    stored.push(search!.text, row!.body);
  }
  expect(leaked(stored.join('\n'))).toEqual([]);
  const originals = await database.db.select().from(suggestionTextOriginals);
  expect(originals.map((o) => o.suggestionId).sort()).toEqual([ids.web, ids.mail].sort());
  const sealedBytes = originals
    .flatMap((o) => [o.title, o.body, o.attachmentTexts])
    .filter(Boolean)
    .map((b) => b!.toString('utf8'))
    .join('');
  expect(leaked(sealedBytes)).toEqual([]);
});

test('a planner reads both suggestions on their pages with every contact detail masked', async () => {
  for (const id of [ids.web, ids.mail]) {
    const page = await get(`/admin/suggestions/${id}`, cookies.planner);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(leaked(html), `suggestion ${id}`).toEqual([]);
    expect(html).toContain('联系方式已隐去');
  }
  const web = await (await get(`/admin/suggestions/${ids.web}`, cookies.planner)).text();
  expect(web).toContain('建议在东区增设自行车停放点');
  expect(web).toContain('139********');
  const mail = await (await get(`/admin/suggestions/${ids.mail}`, cookies.planner)).text();
  expect(mail).toContain('建议食堂周末延长营业时间');
});

test('search cannot be used as an oracle: a phone, an address or a name finds nothing', async () => {
  // A hit is a link to the suggestion's page in the result list.
  const finds = async (q: string, id: number) =>
    (await (await get(`/admin/suggestions?q=${encodeURIComponent(q)}`, cookies.planner)).text()).includes(
      `/admin/suggestions/${id}`,
    );
  // The controls: the same search finds each suggestion by its words.
  expect(await finds('自行车停放点', ids.web)).toBe(true);
  expect(await finds('食堂', ids.mail)).toBe(true);
  for (const q of [
    '13912345678',
    '139 1234 5678',
    '63912345',
    'liu.yanqiu@example.edu.cn',
    '柳燕秋',
    '11010519491231002X',
  ])
    expect(await finds(q, ids.web), q).toBe(false);
  for (const q of ['韩冬青', '13598761234', '数学与统计学院']) expect(await finds(q, ids.mail), q).toBe(false);
});

test('no export format carries them: CSV, XLSX, JSON and the Word summary', async () => {
  const planId = String(await demoPlanId(database.db));
  for (const format of ['csv', 'xlsx', 'json', 'docx']) {
    const response = await fetch(`${portal.url}/admin/exports/download`, {
      method: 'POST',
      body: new URLSearchParams({ planId, format }),
      headers: { origin: portal.url, cookie: cookies.planner },
      redirect: 'manual',
    });
    expect(response.status, format).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = format === 'xlsx' || format === 'docx' ? await zipText(bytes) : bytes.toString('utf8');
    expect(text, format).toContain('东区自行车停放点');
    expect(leaked(text), format).toEqual([]);
  }
});

test('a contact reader reveals the original text with a reason, and the view is audited', async () => {
  const refused = await fetch(`${portal.url}/admin/suggestions/${ids.web}/contact`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url, cookie: cookies.planner },
    body: new URLSearchParams({ reason: '核对停车点位置' }),
    redirect: 'manual',
  });
  expect(refused.status).toBe(403);
  const response = await fetch(`${portal.url}/admin/suggestions/${ids.web}/contact`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url, cookie: cookies.reader },
    body: new URLSearchParams({ reason: '核对停车点位置' }),
    redirect: 'manual',
  });
  expect(response.status).toBe(200);
  const html = await response.text();
  for (const written of [
    '手机 139 1234 5678',
    'liu.yanqiu@example.edu.cn',
    '姓名：柳燕秋',
    '11010519491231002X',
    '0371-63912345',
    '电话：13912345678',
  ])
    expect(html).toContain(written);
  const [entry] = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'contact.revealed'), eq(auditLog.targetId, String(ids.web))))
    .orderBy(desc(auditLog.id));
  expect(entry).toMatchObject({ actorId: readerId, details: { reason: '核对停车点位置', originalText: true } });
  // The planner's page afterwards shows the entry without the reason or the text.
  expect(leaked(await (await get(`/admin/suggestions/${ids.web}`, cookies.planner)).text())).toEqual([]);
});
