import { Secret, TOTP } from 'otpauth';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, loginAs } from './staff.ts';
import { createTriagePlan } from './triage-data.ts';

test.afterAll(async () => {
  await closeStaffDatabase();
});

test('a moderator signs in with TOTP, bulk-tags, reveals a contact and decides 部分采纳; the submitter sees it on /track', async ({
  page,
  browser,
  baseURL,
}) => {
  const { plan, suggestions } = await createTriagePlan();
  const moderator = await createE2eStaff({ role: 'moderator', totp: true, grants: ['read:contact:any'] });

  await page.goto('/admin/login');
  await page.getByLabel('电子邮箱').fill(moderator.email);
  await page.getByLabel('密码').fill(moderator.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '两步验证' })).toBeVisible();
  await page
    .getByLabel('验证码或恢复码')
    .fill(new TOTP({ secret: Secret.fromBase32(moderator.totpSecret!) }).generate());
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /您好$/ })).toBeVisible();

  // The queue, filtered to the plan.
  await page.getByRole('navigation', { name: '管理后台' }).getByRole('link', { name: '意见建议', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '意见建议处理' })).toBeVisible();
  await page.getByLabel('规划', { exact: true }).selectOption({ label: plan.title });
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`plan=${plan.id}`));
  const rows = page.getByRole('table', { name: '意见建议处理' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expectNoAxeViolations(page);

  // Bulk-tag all three.
  for (const s of suggestions) await page.getByRole('checkbox', { name: `选择：${s.title}` }).check();
  await page.getByLabel('添加标签（多个用逗号分隔）').fill('图书馆');
  await page.getByRole('button', { name: /执行.*添加标签/ }).click();
  await expect(page.getByRole('status')).toHaveText('已对 3 条意见建议执行操作。');
  await expect(page.getByRole('cell', { name: '图书馆', exact: true })).toHaveCount(3);

  // Open the middle one by keyboard: j moves down the rows, o opens the focused one.
  const chosen = suggestions[1]!;
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: chosen.title })).toBeFocused();
  await page.keyboard.press('o');
  await expect(page.getByRole('heading', { level: 1, name: chosen.title })).toBeVisible();
  // d jumps to the decision.
  await page.keyboard.press('d');
  await expect(page.getByLabel('处理结果')).toBeFocused();

  // Reveal the contact with a reason.
  await expect(page.getByTestId('contact-details')).toContainText('刘**');
  await expectNoAxeViolations(page);
  await page.getByLabel(/查看原因/).fill('电话核实意见内容');
  await page.getByRole('button', { name: '显示联系方式' }).click();
  await expect(page.getByTestId('contact-details')).toContainText(chosen.email);
  await expect(page.getByTestId('contact-details')).toContainText('刘海峰');

  // Decide 部分采纳 with a reason and a public reply.
  await page.getByLabel('处理结果').selectOption({ label: '部分采纳' });
  await page.getByLabel('处理理由（内部，必填）').fill('延长开放时间可行，增加座位受场地限制。');
  await page.getByLabel(/公开答复/).fill('图书馆将于下学期起延长开放至晚上十一点。');
  await page.getByRole('button', { name: '保存处理决定' }).click();
  await expect(page.getByTestId('suggestion-status')).toHaveText('部分采纳');
  await expect(page.getByRole('region', { name: '处理记录' })).toContainText('查看了提交人的联系方式');
  await expectNoAxeViolations(page);

  // An admin sees the reveal in the audit log.
  const adminContext = await browser.newContext();
  const admin = await createE2eStaff({ role: 'admin', totp: true });
  await loginAs(adminContext, baseURL!, admin.id);
  const adminPage = await adminContext.newPage();
  await adminPage.goto('/admin/audit?action=contact.revealed');
  await expect(adminPage.getByRole('cell', { name: `意见 #${chosen.id}` })).toBeVisible();
  await adminContext.close();

  // The submitter follows it on /track.
  await page.goto('/track');
  await page.getByLabel('跟踪编号').fill(chosen.trackingCode);
  await page.getByLabel('电子邮箱或电话后四位').fill(chosen.email);
  await page.getByRole('button', { name: '查询' }).click();
  const result = page.getByRole('status');
  await expect(result).toContainText('部分采纳');
  await expect(result).toContainText('图书馆将于下学期起延长开放至晚上十一点。');
});
