import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { plans, suggestions } from '../../db/schema/index.ts';
import { addCategories, addSections, createPlan } from '../factories/plans.ts';
import { E2E_INTAKE_TOKEN } from '../setup/e2e-intake-token.ts';
import { expect, test } from './fixtures.ts';
import { waitForMail } from './mailbox.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

// Issue 13: "A full e2e run with known names, phones and emails: the
// server's logs, every public page, every planner export without the
// permission and every mail to a third party contain none of them."
// Two people submit, one by the web form, one by mail; staff without the
// contact permission triage, decide, publish and export; then everything
// they and the public could see, every mail and the server's whole log
// (tests/setup/e2e-server.ts keeps it in .tmp/e2e-server.log) are searched.

// The journey's plan is open while it runs; afterwards it is closed, so the
// specs after this one (the phone project runs them all again) still find the
// demo consultation as the open one on the home page and the exports form.
const plansOpened: number[] = [];

test.afterAll(async () => {
  for (const id of plansOpened)
    await db()
      .update(plans)
      .set({ status: 'closed', closesAt: new Date(Date.now() - 86_400_000) })
      .where(eq(plans.id, id));
  await closeStaffDatabase();
});

type Person = { name: string; unit: string; phone: string; email: string };

function person(tag: string, surname: string, local: string): Person {
  return {
    name: `${surname}${tag}`,
    unit: `量子信息${tag}研究所`,
    phone: `13${crypto.randomInt(100_000_000, 999_999_999)}`,
    email: `${local}.${tag}@example.edu.cn`,
  };
}

/** Every form of a person's details worth finding: each value, the phone's last eight digits, the mailbox name. */
const needles = (p: Person) => [p.name, p.unit, p.phone, p.phone.slice(-8), p.email, p.email.split('@')[0]!];

function leaks(text: string, people: Person[]): string[] {
  const haystack = text.toLowerCase();
  return people.flatMap(needles).filter((needle) => haystack.includes(needle.toLowerCase()));
}

/** The text inside an Office file (every XML part of the zip), or the file as text. */
async function fileText(body: Buffer): Promise<string> {
  if (body.subarray(0, 2).toString() !== 'PK') return body.toString('utf8');
  const zip = await JSZip.loadAsync(body);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => f.name.endsWith('.xml'))
      .map((f) => f.async('string')),
  );
  return parts.join('\n');
}

async function pageText(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBeLessThan(400);
  return response.text();
}

test('names, phones and emails reach no log, public page, planner export or third-party mail', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const tag = crypto.randomBytes(3).toString('hex');
  const webPerson = person(tag, '皇甫', 'huangfu');
  const mailPerson = person(tag, '司徒', 'situ');
  const everyone = [webPerson, mailPerson];
  const plan = await createPlan(db(), {
    title: `保密测试规划 ${tag}`,
    emailMarker: `规划意见${tag}`,
    submitterTypes: ['在校学生', '教职工'],
  });
  plansOpened.push(plan.id);
  await addSections(db(), plan.id, ['总则']);
  await addCategories(db(), plan.id, ['人才培养']);

  // 1. A student by the web form, 匿名公开.
  await page.goto(`/plans/${plan.slug}/suggest`);
  await page.getByLabel('意见类别').selectOption({ label: '人才培养' });
  await page.getByLabel('标题').fill(`建议延长实验室开放时间 ${tag}`);
  // The body repeats the contact details in prose, unlabelled (issue 13 point 4: masked in the text).
  await page
    .getByLabel('意见建议内容')
    .fill(
      `建议各实验室在考试周延长开放时间至晚上十点，方便学生复习。如需沟通请打 ${webPerson.phone.slice(0, 3)} ${webPerson.phone.slice(3, 7)} ${webPerson.phone.slice(7)} 或写信到 ${webPerson.email}。`,
    );
  await page.getByRole('radio', { name: '在校学生' }).check();
  await page.getByLabel('姓名').fill(webPerson.name);
  await page.getByLabel('工作单位或班级').fill(webPerson.unit);
  await page.getByLabel('电话').fill(webPerson.phone);
  await page.getByLabel('电子邮箱').fill(webPerson.email);
  await page.getByRole('radio', { name: '匿名公开' }).check();
  // A file whose name carries the phone and the email (issue 13: file names are masked like text).
  await page.getByLabel('附件').setInputFiles({
    name: `意见附件_${webPerson.phone}_${webPerson.email}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from('考试周实验室使用情况统计。'),
  });
  await page.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }).check();
  await page.getByTestId('fake-hcaptcha').check();
  await page.getByRole('button', { name: '提交意见建议' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '提交成功' })).toBeVisible();
  const webCode = (await page.getByTestId('tracking-code').textContent())!.trim();

  // 2. A teacher by mail, as the mail server pipes it in: From with a display name, contact lines and a signature in the body,
  // the phone and email in the subject, and an attachment named after the teacher and the phone.
  const encoded = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
  const fileName = encoded(`联系人：${mailPerson.name}_${mailPerson.phone}.txt`);
  const raw = [
    `From: ${encoded(mailPerson.name)} <${mailPerson.email}>`,
    'To: ghy@example.edu.cn',
    `Subject: ${encoded(`规划意见${tag}：关于食堂 ${mailPerson.phone} ${mailPerson.email}`)}`,
    `Message-ID: <${crypto.randomUUID()}@mail.example.edu.cn>`,
    'Date: Mon, 07 Dec 2026 09:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="leak-mixed"',
    '',
    '--leak-mixed',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    '建议食堂增加夜宵窗口，服务晚自习的学生。',
    '',
    `姓名：${mailPerson.name}`,
    `单位：${mailPerson.unit}`,
    `电话：${mailPerson.phone}`,
    '',
    // A signature after the closing: a name and a bare mobile, no labels.
    '此致',
    '敬礼',
    mailPerson.name,
    mailPerson.phone,
    '',
    '--leak-mixed',
    `Content-Type: text/plain; charset=utf-8; name="${fileName}"`,
    `Content-Disposition: attachment; filename="${fileName}"`,
    '',
    '夜宵窗口位置示意。',
    '--leak-mixed--',
    '',
  ].join('\r\n');
  const mailed = await page.request.post('/api/intake/email', {
    headers: { authorization: `Bearer ${E2E_INTAKE_TOKEN}`, 'content-type': 'message/rfc822' },
    data: Buffer.from(raw),
  });
  expect(mailed.status()).toBe(202);
  const mailCode = ((await mailed.json()) as { trackingCode: string }).trackingCode;
  expect(mailCode).toMatch(/^JY-/);
  // And one without the plan's marker, which waits in the mail queue with its subject and file name on show.
  const unmatched = raw
    .replace(/^Subject: .*$/m, `Subject: ${encoded(`食堂意见 ${tag} ${mailPerson.phone} ${mailPerson.email}`)}`)
    .replace(/^Message-ID: .*$/m, `Message-ID: <${crypto.randomUUID()}@mail.example.edu.cn>`);
  const queued = await page.request.post('/api/intake/email', {
    headers: { authorization: `Bearer ${E2E_INTAKE_TOKEN}`, 'content-type': 'message/rfc822' },
    data: Buffer.from(unmatched),
  });
  expect(queued.status()).toBe(202);

  // 3. A moderator without the contact permission triages and decides both.
  const seen: { where: string; text: string }[] = [];
  const moderatorContext = await browser.newContext();
  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(moderatorContext, baseURL!, moderator.id);
  const mod = await moderatorContext.newPage();
  await mod.goto(`/admin/suggestions?plan=${plan.id}`);
  seen.push({ where: 'moderator: triage queue', text: await mod.content() });
  await mod.goto('/admin/inbox?tab=unmatched');
  await expect(mod.getByText(`食堂意见 ${tag}`)).toBeVisible();
  seen.push({ where: 'moderator: mail queue', text: await mod.content() });
  for (const code of [webCode, mailCode]) {
    await mod.goto(`/admin/suggestions/${await suggestionId(code)}`);
    seen.push({ where: `moderator: ${code}`, text: await mod.content() });
    await mod.getByLabel('处理结果').selectOption({ label: '采纳' });
    await mod.getByLabel('处理理由（内部，必填）').fill('与规划方向一致。');
    await mod.getByLabel(/公开答复/).fill(`感谢您的建议，已采纳 ${tag}。`);
    await mod.getByLabel(/采纳情况摘要/).fill(`增加开放时间与服务窗口 ${tag}`);
    await mod.getByLabel('可在采纳情况公示中发布').check();
    await mod.getByRole('button', { name: '保存处理决定' }).click();
    await expect(mod.getByTestId('suggestion-status')).toHaveText('采纳');
  }

  // 4. An admin (no contact permission either) publishes the adoption report.
  const adminContext = await browser.newContext();
  await loginAs(adminContext, baseURL!, (await createE2eStaff({ role: 'admin', totp: true })).id);
  const admin = await adminContext.newPage();
  await admin.goto(`/admin/plans/${plan.slug}/dashboard`);
  await admin.getByRole('button', { name: '发布采纳情况公示' }).click();
  await expect(admin.getByRole('button', { name: '发布采纳情况公示' })).toHaveCount(0);
  seen.push({ where: 'admin: dashboard', text: await admin.content() });

  // 5. A planner without the permission exports every format; asking for contacts anyway is refused.
  const plannerContext = await browser.newContext();
  await loginAs(plannerContext, baseURL!, (await createE2eStaff({ role: 'planner' })).id);
  const exportAs = (form: Record<string, string>) =>
    plannerContext.request.post('/admin/exports/download', {
      form: { planId: String(plan.id), ...form },
      headers: { origin: baseURL! },
    });
  const forms: Record<string, string>[] = [
    { format: 'xlsx' },
    { format: 'csv' },
    { format: 'json' },
    { format: 'docx' },
    { format: 'docx', intent: 'adopted' },
  ];
  for (const form of forms) {
    const response = await exportAs(form);
    expect(response.status(), JSON.stringify(form)).toBe(200);
    const text = await fileText(await response.body());
    expect(text, `the ${form.format} export holds the suggestions`).toContain(tag);
    seen.push({ where: `planner export ${JSON.stringify(form)}`, text });
  }
  expect((await exportAs({ format: 'csv', includeContacts: '1' })).status()).toBe(403);
  seen.push({
    where: 'planner: dashboard',
    text: await pageText(plannerContext.request, `/admin/plans/${plan.slug}/dashboard`),
  });

  // 6. Every public page a stranger can reach about this plan.
  const stranger = (await browser.newContext()).request;
  for (const url of [
    '/',
    `/plans/${plan.slug}`,
    `/plans/${plan.slug}/report`,
    `/plans/${plan.slug}/suggest`,
    '/track',
    `/receipt/${webCode}`,
    `/receipt/${mailCode}`,
  ]) {
    seen.push({ where: `public ${url}`, text: await pageText(stranger, url) });
  }
  expect(seen.find((s) => s.where.endsWith('/report'))!.text).toContain(`增加开放时间与服务窗口 ${tag}`);

  // 7. Mail: the decision reaches each submitter; nothing goes to anyone else with a detail, nor one person's to the other.
  await waitForMail(
    (m) =>
      m.to !== undefined && JSON.stringify(m.to).includes(webPerson.email) && (m.text ?? '').includes(`已采纳 ${tag}`),
  );
  await waitForMail(
    (m) =>
      m.to !== undefined && JSON.stringify(m.to).includes(mailPerson.email) && (m.text ?? '').includes(`已采纳 ${tag}`),
  );
  const mailDir = path.resolve('.tmp/e2e-mail');
  for (const file of fs.readdirSync(mailDir)) {
    const message = await simpleParser(fs.readFileSync(path.join(mailDir, file)));
    const to = JSON.stringify(message.to ?? '').toLowerCase();
    const others = everyone.filter((p) => !to.includes(p.email.toLowerCase()));
    seen.push({ where: `mail ${file} to ${to}`, text: `${message.subject}\n${message.text}\n${message.html || ''}` });
    expect(leaks(`${message.subject}\n${message.text}\n${message.html || ''}`, others), `mail ${file}`).toEqual([]);
  }

  // 8. The server's whole log, every level, console output included.
  const log = fs.readFileSync(path.resolve('.tmp/e2e-server.log'), 'utf8');
  expect(log, 'the log is being written').toContain('"msg":"request"');
  expect(leaks(log, everyone), 'server log').toEqual([]);

  for (const { where, text } of seen.filter((s) => !s.where.startsWith('mail ')))
    expect(leaks(text, everyone), where).toEqual([]);
});

async function suggestionId(code: string): Promise<number> {
  const [row] = await db().select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.trackingCode, code));
  return row!.id;
}
