import { Secret, TOTP } from 'otpauth';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, loginAs } from './staff.ts';

test.afterAll(async () => {
  await closeStaffDatabase();
});

const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

test('a new admin signs in, must enrol TOTP first, then adds a moderator', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 400/); // the wrong password on purpose
  const admin = await createE2eStaff({ role: 'admin' });
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/admin\/login\?redirectTo=%2Fadmin%2Fusers$/);
  await expectNoAxeViolations(page);
  await page.getByLabel('电子邮箱').fill(admin.email);
  await page.getByLabel('密码').fill('wrong password here');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('邮箱或密码不正确');
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();

  // Admins must have 2FA: the account page is the only way in until it is on.
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByText('请先启用两步验证')).toBeVisible();
  // The password again first: a session alone must not bind an authenticator.
  await page.getByRole('region', { name: '两步验证（TOTP）' }).getByLabel('当前密码').fill(admin.password);
  await page.getByRole('button', { name: '启用两步验证' }).click();
  await expect(page.getByRole('img', { name: /两步验证二维码/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  const enrolmentCode = codeFor(secret);
  await page.getByLabel('验证码或恢复码').fill(enrolmentCode);
  await page.getByRole('button', { name: '确认启用' }).click();
  const recoveryCodes = page.getByRole('list', { name: '恢复码' }).getByRole('listitem');
  await expect(recoveryCodes).toHaveCount(10);
  const recoveryCode = (await recoveryCodes.first().textContent())!.trim();

  await page.getByRole('navigation', { name: '管理后台' }).getByRole('link', { name: '人员管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '人员管理' })).toBeVisible();
  await expectNoAxeViolations(page);
  const moderatorEmail = `e2e-mod-${Date.now()}@test.jianyan.invalid`;
  await page.getByLabel('电子邮箱').fill(moderatorEmail);
  await page.getByLabel('姓名').fill('端到端审核员');
  await page.getByLabel('角色').selectOption('moderator');
  await page.getByRole('button', { name: '创建账户' }).click();
  await expect(page.getByText(`已为 ${moderatorEmail} 创建账户。`)).toBeVisible();
  await expect(page.getByTestId('one-time-password')).toHaveText(/^[A-Za-z2-9]{20}$/);
  await expect(page.getByRole('cell', { name: moderatorEmail })).toBeVisible();

  // Signing out and in again now asks for the code.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel('电子邮箱').fill(admin.email);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '两步验证' })).toBeVisible();
  await expectNoAxeViolations(page);
  // A code works once: the one spent on enrolment is refused, so use a recovery code.
  await page.getByLabel('验证码或恢复码').fill(enrolmentCode);
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('alert')).toHaveText('验证码不正确或已使用，请重试。');
  await page.getByLabel('验证码或恢复码').fill(recoveryCode);
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /您好$/ })).toBeVisible();
});

test('an admin edits a plan: details, a section with preview, and the audit log shows it', async ({
  page,
  context,
  baseURL,
}) => {
  const admin = await createE2eStaff({ role: 'admin', totp: true });
  await loginAs(context, baseURL!, admin.id);
  await page.goto('/admin/plans');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '南湖大学校园总体规划（2021—2035年）意见征集' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('南湖大学校园总体规划（2021—2035年）意见征集');
  await expectNoAxeViolations(page);
  await page.getByLabel('发布单位').fill('南湖大学规划建设处');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');
  await expect(page.getByLabel('发布单位')).toHaveValue('南湖大学规划建设处');

  await page.getByRole('link', { name: '章节' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '交通组织' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('交通组织');
  await page.getByLabel('正文（Markdown）').fill('校园规划**重点**：\n\n- 绿色校园\n- 智慧校园');
  await page.getByRole('button', { name: '预览' }).click();
  const preview = page.getByRole('region', { name: '预览（尚未保存）' });
  await expect(preview.getByRole('strong')).toHaveText('重点');
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');

  await page.goto('/admin/audit?action=plan.section_updated');
  await expect(page.getByRole('cell', { name: '修改了章节' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin/plans/new');
  await expectNoAxeViolations(page);
});
