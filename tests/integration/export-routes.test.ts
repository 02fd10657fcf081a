import { desc, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { auditLog, exportLog, plans } from '../../db/schema/index.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { DEMO_SLUG, demoPersonalData, demoPlanId, readXlsx, zipText } from './helpers/exports.ts';
import { setupTestPortal } from './helpers/test-portal.ts';
import { createStaff, signIn } from '../factories/staff.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database);
// A planner exports; contact details need the separately granted permission
// (and, with it, enrolled 2FA); publishing the report is an admin's.
const cookies = { planner: '', plannerWithContacts: '', moderator: '', admin: '' };
let plannerId = 0;

beforeAll(async () => {
  const planner = await createStaff(database.db, { role: 'planner' });
  plannerId = planner.id;
  const reader = await createStaff(database.db, { role: 'planner', grants: ['read:contact:any'], totp: true });
  const moderator = await createStaff(database.db, { role: 'moderator' });
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  cookies.planner = `jianyan_staff=${await signIn(database.db, planner.id)}`;
  cookies.plannerWithContacts = `jianyan_staff=${await signIn(database.db, reader.id)}`;
  cookies.moderator = `jianyan_staff=${await signIn(database.db, moderator.id)}`;
  cookies.admin = `jianyan_staff=${await signIn(database.db, admin.id)}`;
});

function download(fields: Record<string, string>, cookie = cookies.planner) {
  return fetch(`${portal.url}/admin/exports/download`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { origin: portal.url, cookie },
    redirect: 'manual',
  });
}

const get = (path: string, cookie = cookies.planner) =>
  fetch(`${portal.url}${path}`, { headers: { cookie }, redirect: 'manual' });

test('the export page offers the plan’s filters, the formats and the one-click preset', async () => {
  const response = await get('/admin/exports');
  expect(response.status).toBe(200);
  const html = await response.text();
  for (const text of [
    '导出意见建议',
    '人才培养',
    '深化人才培养模式改革',
    '青年教师',
    '一键导出“采纳 + 部分采纳”',
    'Word 采纳情况汇总表',
    '包含提出人姓名、单位和联系方式',
  ])
    expect(html).toContain(text);
  expect(html).toContain('action="/admin/exports/download"');
});

test('the adopted XLSX streams as an attachment with a UTF-8 file name; no contacts by default; the export is logged', async () => {
  const planId = String(await demoPlanId(database.db));
  const response = await download({ planId, intent: 'adopted', format: 'xlsx' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(response.headers.get('content-disposition')).toMatch(
    /^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''%E5%8D%97%E6%B9%96.*%E9%87%87%E7%BA%B3.*\.xlsx$/,
  );
  expect(response.headers.get('cache-control')).toBe('no-store');
  const bytes = Buffer.from(await response.arrayBuffer());
  const sheet = (await readXlsx(bytes)).worksheets[0]!;
  expect(sheet.rowCount).toBe(4);
  expect((sheet.getRow(2).getCell(14).value as { formula: string }).formula).toContain(
    `${portal.url}/admin/suggestions/`,
  );
  const text = await zipText(bytes);
  for (const personal of demoPersonalData) expect(text, personal).not.toContain(personal);
  await expect
    .poll(() => database.db.select().from(exportLog).orderBy(desc(exportLog.id)).limit(1))
    .toMatchObject([
      {
        format: 'xlsx',
        rowCount: 3,
        includedContacts: false,
        completed: true,
        actorId: plannerId,
        planId: Number(planId),
        filter: { planId: Number(planId), statuses: ['adopted', 'partially_adopted'] },
      },
    ]);
});

test('contact details appear only when the option is ticked, and the log says so', async () => {
  const planId = String(await demoPlanId(database.db));
  expect((await download({ planId, format: 'csv', includeContacts: 'on', status: 'adopted' })).status).toBe(403);
  const startsBefore = await database.db.$count(auditLog, eq(auditLog.action, 'export.contacts_started'));
  const response = await download(
    { planId, format: 'csv', includeContacts: 'on', status: 'adopted' },
    cookies.plannerWithContacts,
  );
  // Audited before the first byte: the row exists as soon as the response has begun.
  expect(await database.db.$count(auditLog, eq(auditLog.action, 'export.contacts_started'))).toBe(startsBefore + 1);
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  expect(text.split('\r\n')[0]).toContain('姓名,单位,电话,邮箱');
  expect(text).toContain('陈思远,计算机学院 2022 级,,chen.siyuan@example.edu.cn');
  await expect
    .poll(() => database.db.select().from(exportLog).orderBy(desc(exportLog.id)).limit(1))
    .toMatchObject([{ format: 'csv', rowCount: 2, includedContacts: true }]);
});

test('no spelling of "include contacts" gets a planner without the permission a single contact', async () => {
  const planId = String(await demoPlanId(database.db));
  // Every value some form parser reads as yes, in every format: the refusal is
  // decided on the parsed request, so each is either refused or contact-free.
  for (const yes of ['on', '1', 'true', 'TRUE', 'On', 'yes', 'checked', ' on']) {
    for (const format of ['csv', 'xlsx', 'json', 'docx']) {
      const response = await download({ planId, format, includeContacts: yes });
      const bytes = Buffer.from(await response.arrayBuffer());
      const text =
        format === 'xlsx' || format === 'docx'
          ? response.status === 200
            ? await zipText(bytes)
            : bytes.toString('utf8')
          : bytes.toString('utf8');
      expect([200, 403], `${yes} ${format}`).toContain(response.status);
      for (const personal of demoPersonalData) expect(text, `${yes} ${format}`).not.toContain(personal);
    }
  }
  // The parser's own spellings of yes are refused outright.
  for (const yes of ['on', '1', 'true'])
    expect((await download({ planId, format: 'csv', includeContacts: yes })).status, yes).toBe(403);
});

test('the DOCX summary and JSON download with their types', async () => {
  const planId = String(await demoPlanId(database.db));
  const docx = await download({ planId, intent: 'adopted', format: 'docx' });
  expect(docx.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  expect(await zipText(Buffer.from(await docx.arrayBuffer()))).toContain('意见建议采纳情况汇总表');
  const json = await download({ planId, format: 'json' });
  expect(((await json.json()) as unknown[]).length).toBe(13);
});

test('invalid requests are refused; GET is not a download', async () => {
  expect((await download({ planId: 'x' })).status).toBe(400);
  expect((await download({ planId: '999999' })).status).toBe(404);
  expect((await get('/admin/exports/download?planId=1')).status).toBe(405);
});

test('strangers are sent to log in; a moderator may not export or read the dashboard', async () => {
  const planId = String(await demoPlanId(database.db));
  for (const response of [
    await download({ planId, format: 'csv' }, ''),
    await get('/admin/exports', ''),
    await get(`/admin/plans/${DEMO_SLUG}/dashboard`, ''),
  ]) {
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/admin\/login/);
  }
  expect((await download({ planId, format: 'csv' }, cookies.moderator)).status).toBe(403);
  expect((await get('/admin/exports', cookies.moderator)).status).toBe(403);
  expect((await get(`/admin/plans/${DEMO_SLUG}/dashboard`, cookies.moderator)).status).toBe(403);
  expect((await get(`/admin/plans/${DEMO_SLUG}/dashboard/csv/byStatus`, cookies.moderator)).status).toBe(403);
});

test('the dashboard page shows the tables and each downloads as CSV', async () => {
  const html = await (await get(`/admin/plans/${DEMO_SLUG}/dashboard`)).text();
  expect(html).toContain('意见建议总数：13 条');
  expect(html).toContain('<th scope="col">占比</th>');
  const csv = await get(`/admin/plans/${DEMO_SLUG}/dashboard/csv/byStatus`);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const text = await csv.text();
  expect(text).toContain('项目,数量,占比\r\n');
  expect(text).toContain('已收到,8,61.5%\r\n');
  expect((await get(`/admin/plans/${DEMO_SLUG}/dashboard/csv/nope`)).status).toBe(404);
});

test('the public report: published demo shows summaries and replies, never a name or contact; unpublished is 404', async () => {
  const response = await fetch(`${portal.url}/plans/${DEMO_SLUG}/report`);
  expect(response.status).toBe(200);
  const html = await response.text();
  for (const text of [
    '意见建议采纳情况公示',
    '增设跨学科辅修专业，扩大学生选择空间。',
    '规划修改稿已增加',
    '在校学生',
    '<caption>',
  ])
    expect(html).toContain(text);
  for (const personal of demoPersonalData) expect(html, personal).not.toContain(personal);
  expect(html).not.toContain('食堂夜宵'); // in review, not published

  await database.db.update(plans).set({ reportPublishedAt: null }).where(eq(plans.slug, DEMO_SLUG));
  expect((await fetch(`${portal.url}/plans/${DEMO_SLUG}/report`)).status).toBe(404);
  const publish = (cookie: string) =>
    fetch(`${portal.url}/admin/plans/${DEMO_SLUG}/dashboard`, {
      method: 'POST',
      body: new URLSearchParams({ intent: 'publish-report' }),
      headers: { origin: portal.url, cookie },
      redirect: 'manual',
    });
  expect((await publish(cookies.planner)).status).toBe(403);
  expect((await publish(cookies.admin)).status).toBe(302);
  expect((await fetch(`${portal.url}/plans/${DEMO_SLUG}/report`)).status).toBe(200);
});

test('the triage queue exports exactly its current filter, through the same audited download', async () => {
  const planId = String(await demoPlanId(database.db));
  const html = await (await get(`/admin/suggestions?plan=${planId}&status=adopted&channel=web`)).text();
  const form = /<form[^>]*class="export-current"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const hidden = Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  expect(hidden).toEqual({ planId, status: 'adopted', channel: 'web' });
  const response = await download({ ...hidden, format: 'csv' });
  const rows = Buffer.from(await response.arrayBuffer())
    .toString('utf8')
    .split('\r\n')
    .filter(Boolean);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain('JY-DEM2-2A3B');
  // Without a plan chosen there is nothing to export from the queue.
  expect(await (await get('/admin/suggestions')).text()).not.toContain('class="export-current"');
});
