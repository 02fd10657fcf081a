import http from 'node:http';
import { eq } from 'drizzle-orm';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { moveSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { createStaff } from '../factories/staff.ts';
import { beforeAll, expect, test } from 'vitest';
import { attachments, outboxMessages, suggestions } from '../../db/schema/index.ts';
import { demoSuggestionCount } from '../../scripts/seed.server.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { openForm, passToken, postSuggestion, setupTestPortal } from './helpers/test-portal.ts';
import { openedContact, outboxMail } from '../factories/sealed.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database);
const slug = 'nanhu-14th-five-year-plan';
const pdf = (name = '意见稿.pdf', size = 0) =>
  new File([Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size)])], name);

beforeAll(async () => {
  await seedIfEmpty(database.db);
});

async function validFields(overrides: Record<string, string> = {}) {
  const form = await openForm(portal, slug);
  return {
    intakeKey: form.intakeKey,
    categoryId: form.categoryId,
    title: '建议延长图书馆自习室开放时间',
    body: '期末考试期间图书馆自习室座位紧张，建议延长开放时间至晚上十一点。',
    submitterType: '在校学生',
    name: '张小明',
    unit: '文学院 2023 级',
    phone: '13800138000',
    email: 'xiaoming@example.edu.cn',
    consent: 'on',
    'captcha-token': passToken(),
    ...overrides,
  };
}

const rowByCode = async (code: string) =>
  (await database.db.select().from(suggestions).where(eq(suggestions.trackingCode, code)))[0];

test('a valid suggestion is stored with its contact apart, its file, an acknowledgement, and a receipt', async () => {
  const fields = await validFields();
  const response = await postSuggestion(portal, slug, { fields, files: [pdf()] });
  expect(response.status).toBe(303);
  const code = response.headers.get('location')!.split('/').pop()!;
  expect(code).toMatch(/^JY-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  const row = await rowByCode(code);
  expect(row).toMatchObject({
    status: 'received',
    channel: 'web',
    title: fields.title,
    submitterType: '在校学生',
    heldReason: null,
  });
  const contact = await openedContact(database.db, row!.id);
  expect(contact).toMatchObject({
    name: '张小明',
    unit: '文学院 2023 级',
    phone: '13800138000',
    email: 'xiaoming@example.edu.cn',
  });
  const [file] = await database.db.select().from(attachments).where(eq(attachments.suggestionId, row!.id));
  expect(file).toMatchObject({ filename: '意见稿.pdf', contentType: 'application/pdf', sizeBytes: 9 });
  const [mail] = await outboxMail(database.db, eq(outboxMessages.suggestionId, row!.id));
  expect(mail).toMatchObject({ kind: 'acknowledgement', toAddress: 'xiaoming@example.edu.cn', status: 'pending' });
  expect(mail!.text).toContain(code);
  expect(mail!.subject).toContain(code);

  const verify = portal.captcha.requests.find((r) => r.get('response') === fields['captcha-token'])!;
  expect(verify.get('secret')).toBe('0x2000000000000000000000000000000000000002');
  expect(verify.get('sitekey')).toBe('20000000-ffff-ffff-ffff-000000000002');
  expect(verify.get('remoteip')).toMatch(/127\.0\.0\.1|::1/);

  const receipt = await (await fetch(`${portal.url}/receipt/${code}`)).text();
  expect(receipt).toContain(code);
  expect(receipt).toContain(fields.title);
  expect(receipt).not.toContain('xiaoming@example.edu.cn');
  expect(receipt).not.toContain('张小明');
});

test('every rule gives its own Chinese message, and every typed value comes back', async () => {
  const fields = await validFields({
    categoryId: '',
    title: '题'.repeat(101),
    body: '太短',
    submitterType: '',
    email: 'not-an-email',
    phone: 'call me',
    consent: '',
  });
  const response = await postSuggestion(portal, slug, { fields });
  expect(response.status).toBe(400);
  const html = await response.text();
  for (const message of [
    '请选择意见类别。',
    '标题不能超过 100 字。',
    '内容至少需要 10 字。',
    '请选择您的身份。',
    '请填写有效的电子邮箱地址。',
    '请填写有效的电话号码。',
    '请阅读并同意《个人信息保护说明》。',
  ]) {
    expect(html).toContain(message);
  }
  expect(html).toContain('题'.repeat(101));
  expect(html).toContain('>太短</textarea>');
  expect(html).toContain('value="文学院 2023 级"');
  expect(html).toContain(`value="${fields.intakeKey}"`);
  expect(await database.db.$count(suggestions)).toBe(demoSuggestionCount + 1);
});

test('without a phone or an email the form asks for one; too long a body is refused', async () => {
  const missingContact = await postSuggestion(portal, slug, { fields: await validFields({ phone: '', email: '' }) });
  expect(await missingContact.text()).toContain('请至少填写电话或电子邮箱中的一项。');
  const tooLong = await postSuggestion(portal, slug, { fields: await validFields({ body: '长'.repeat(5001) }) });
  expect(tooLong.status).toBe(400);
  expect(await tooLong.text()).toContain('内容不能超过 5000 字。');
});

test('attachments are checked by content, size and count, and the text is kept', async () => {
  const exe = new File([Buffer.from('MZ\x90\x00 this is a program')], '计划书.pdf');
  const spoofed = await postSuggestion(portal, slug, { fields: await validFields(), files: [exe] });
  expect(spoofed.status).toBe(400);
  const html = await spoofed.text();
  expect(html).toContain('附件“计划书.pdf”的内容与其扩展名不符');
  expect(html).toContain('期末考试期间图书馆自习室座位紧张');
  expect(html).toContain('浏览器不会保留已选择的附件');

  const big = await postSuggestion(portal, slug, {
    fields: await validFields(),
    files: [pdf('big.pdf', 10 * 1024 * 1024)],
  });
  expect(big.status).toBe(400);
  expect(await big.text()).toContain('附件“big.pdf”超过 10 MB。');

  const six = Array.from({ length: 6 }, (_, i) => pdf(`p${i}.pdf`));
  const many = await postSuggestion(portal, slug, { fields: await validFields(), files: six });
  expect(await many.text()).toContain('最多只能上传 5 个附件。');

  const html2 = await postSuggestion(portal, slug, {
    fields: await validFields(),
    files: [new File(['<script>'], 'page.html')],
  });
  expect(await html2.text()).toContain('附件“page.html”的格式不受支持');
  expect(await database.db.$count(suggestions)).toBe(demoSuggestionCount + 1);
});

test('a repeated post of the same form gives the same receipt and one row, even all at once', async () => {
  const fields = await validFields();
  const first = await postSuggestion(portal, slug, { fields });
  const again = await postSuggestion(portal, slug, { fields });
  expect(again.headers.get('location')).toBe(first.headers.get('location'));

  const burst = await validFields();
  const responses = await Promise.all(Array.from({ length: 5 }, () => postSuggestion(portal, slug, { fields: burst })));
  const locations = new Set(responses.map((r) => r.headers.get('location')));
  expect(responses.map((r) => r.status)).toEqual([303, 303, 303, 303, 303]);
  expect(locations.size).toBe(1);
  const rows = await database.db
    .select()
    .from(suggestions)
    .where(eq(suggestions.intakeKey, `web:${burst.intakeKey}`));
  expect(rows).toHaveLength(1);
});

test('a replayed captcha token is refused', async () => {
  const token = passToken();
  const first = await postSuggestion(portal, slug, { fields: await validFields({ 'captcha-token': token }) });
  expect(first.status).toBe(303);
  const replay = await postSuggestion(portal, slug, { fields: await validFields({ 'captcha-token': token }) });
  expect(replay.status).toBe(400);
  expect(await replay.text()).toContain('人机验证未通过或已过期');
});

test('a token hCaptcha rejects is refused; the typed text stays', async () => {
  const response = await postSuggestion(portal, slug, { fields: await validFields({ 'captcha-token': 'fail-robot' }) });
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(html).toContain('人机验证未通过或已过期');
  expect(html).toContain('期末考试期间图书馆自习室座位紧张');
});

test('when siteverify is unreachable the suggestion is kept, held for a moderator (待核验)', async () => {
  portal.captcha.setMode('down');
  try {
    const response = await postSuggestion(portal, slug, { fields: await validFields() });
    expect(response.status).toBe(303);
    const row = await rowByCode(response.headers.get('location')!.split('/').pop()!);
    expect(row).toMatchObject({ status: 'pending_verification', heldReason: 'captcha_unavailable' });
  } finally {
    portal.captcha.setMode('up');
  }
});

test('without a captcha token (no JavaScript) or with the honeypot filled, the suggestion is held, not lost', async () => {
  const noToken = await postSuggestion(portal, slug, { fields: await validFields({ 'captcha-token': '' }) });
  expect(noToken.status).toBe(303);
  expect(await rowByCode(noToken.headers.get('location')!.split('/').pop()!)).toMatchObject({
    status: 'pending_verification',
    heldReason: 'captcha_missing',
  });
  const bot = await postSuggestion(portal, slug, { fields: await validFields({ website: 'http://spam.example' }) });
  expect(await rowByCode(bot.headers.get('location')!.split('/').pop()!)).toMatchObject({
    status: 'pending_verification',
    heldReason: 'honeypot',
  });
});

test('an unverified post sends no mail until a moderator verifies it; then the receipt goes out once', async () => {
  const noToken = await postSuggestion(portal, slug, {
    fields: await validFields({
      'captcha-token': '',
      email: 'victim@example.org',
      body: '请访问 http://spam.example 领取奖品，名额有限，先到先得！！',
    }),
  });
  const bot = await postSuggestion(portal, slug, {
    fields: await validFields({ website: 'http://spam.example', email: 'victim2@example.org' }),
  });
  const held = [
    await rowByCode(noToken.headers.get('location')!.split('/').pop()!),
    await rowByCode(bot.headers.get('location')!.split('/').pop()!),
  ];
  for (const row of held) {
    expect(row!.status).toBe('pending_verification');
    expect(await database.db.$count(outboxMessages, eq(outboxMessages.suggestionId, row!.id))).toBe(0);
  }
  const moderator = await createStaff(database.db, { role: 'moderator' });
  await moveSuggestion(database.db, {
    id: held[0]!.id,
    move: 'verify',
    actor: { id: moderator.id, permissions: permissionsOf('moderator', []) },
    siteUrl: portal.url,
  });
  const mails = await outboxMail(database.db, eq(outboxMessages.suggestionId, held[0]!.id));
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({ kind: 'acknowledgement', toAddress: 'victim@example.org' });
  expect(mails[0]!.text).toContain(`${portal.url}/track`);
});

test('links in mail come from configuration, never from the Host header the sender chose', async () => {
  const fields = new URLSearchParams(await validFields({ email: 'host-header@example.edu.cn' }));
  const target = new URL(`${portal.url}/plans/${slug}/suggest`);
  const status = await new Promise<{ status: number; location: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          host: 'evil.example',
          'x-forwarded-host': 'evil.example',
          origin: 'http://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, location: String(response.headers.location ?? '') });
      },
    );
    request.on('error', reject);
    request.end(fields.toString());
  });
  expect(status.status).toBe(303);
  const row = await rowByCode(status.location.split('/').pop()!);
  const [mail] = await outboxMail(database.db, eq(outboxMessages.suggestionId, row!.id));
  expect(mail!.text).not.toContain('evil.example');
  expect(mail!.html).not.toContain('evil.example');
  expect(mail!.text).toContain(`${portal.url}/track`);
});

test('a closed consultation shows its dates and refuses posts', async () => {
  const page = await (await fetch(`${portal.url}/plans/nanhu-campus-master-plan/suggest`)).text();
  expect(page).toContain('本次意见征集不在征集时间内');
  expect(page).toMatch(/征集时间：\d{4}年/);
  const fields = await validFields();
  const response = await postSuggestion(portal, 'nanhu-campus-master-plan', { fields });
  expect(response.status).toBe(403);
  expect(await database.db.$count(suggestions, eq(suggestions.intakeKey, `web:${fields.intakeKey}`))).toBe(0);
});

test('broken or hostile requests get a clear answer, never a 500', async () => {
  const broken = await fetch(`${portal.url}/plans/${slug}/suggest`, {
    method: 'POST',
    headers: { origin: portal.url, 'content-type': 'multipart/form-data; boundary=XYZ' },
    body: '--XYZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nunterminated',
  });
  expect(broken.status).toBe(400);
  expect(await broken.text()).toContain('提交的数据无法读取');

  const foreign = await postSuggestion(portal, slug, { fields: await validFields(), origin: 'https://evil.example' });
  expect(foreign.status).toBe(403);

  const urlencoded = await fetch(`${portal.url}/plans/${slug}/suggest`, {
    method: 'POST',
    headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'title=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  });
  expect(urlencoded.status).toBe(400);
  expect(await urlencoded.text()).not.toContain('<script>alert(1)</script>');
});

test('/track shows the status to the submitter, and the same "not found" for any mismatch', async () => {
  const fields = await validFields({ email: 'Track.Me@Example.edu.cn', phone: '+86 139-1234-5678' });
  const code = (await postSuggestion(portal, slug, { fields })).headers.get('location')!.split('/').pop()!;
  const track = (body: Record<string, string>) =>
    fetch(`${portal.url}/track`, { method: 'POST', headers: { origin: portal.url }, body: new URLSearchParams(body) });

  const byEmail = await track({ code: code.toLowerCase(), contact: 'track.me@example.edu.cn' });
  expect(byEmail.status).toBe(200);
  const html = await byEmail.text();
  expect(html).toContain('已收到');
  expect(html).toContain(fields.title);

  expect((await track({ code, contact: '5678' })).status).toBe(200);
  const wrongContact = await track({ code, contact: 'someone@example.com' });
  const wrongCode = await track({ code: 'JY-2222-2222', contact: 'track.me@example.edu.cn' });
  const wrongDigits = await track({ code, contact: '1234' });
  for (const response of [wrongContact, wrongCode, wrongDigits]) {
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('未找到匹配的意见建议。');
  }
});
