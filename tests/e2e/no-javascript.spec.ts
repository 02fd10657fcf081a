import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { createPlan } from '../factories/plans.ts';
import { expect, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, db } from './staff.ts';

// The guide: forms work without JavaScript. With scripts off nothing hydrates,
// so each step here is the browser's own form post and the server's answer.
// The public suggestion form is covered the same way in submit-suggestion.spec.ts,
// 长辈模式 in elder-mode.spec.ts and the campaign's group action in campaign-view.spec.ts.

test.afterAll(async () => {
  await closeStaffDatabase();
});

test('without JavaScript /track finds a suggestion by its code and contact, and says so when they do not match', async ({
  browser,
}) => {
  // A draft plan of our own: the suggestion appears on no public list other journeys count.
  const plan = await createPlan(db(), {
    title: `无脚本查询 ${crypto.randomBytes(3).toString('hex')}`,
    status: 'draft',
  });
  const email = `no-js-${crypto.randomBytes(4).toString('hex')}@example.edu.cn`;
  const { trackingCode } = await submitSuggestion(db(), {
    planId: plan.id,
    channel: 'web',
    title: '建议增加校园夜间照明',
    body: '北区操场到宿舍的小路晚上太暗，建议增加路灯。',
    submitterType: '在校学生',
    contact: { name: '无脚本', email },
    trackUrl: 'http://localhost/track',
    acknowledge: false,
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/track');
  await page.getByLabel('跟踪编号').fill(trackingCode);
  await page.getByLabel('电子邮箱或电话后四位').fill('someone-else@example.edu.cn');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('未找到匹配的意见建议。请核对跟踪编号和联系方式后重试。');

  await page.getByLabel('跟踪编号').fill(trackingCode);
  await page.getByLabel('电子邮箱或电话后四位').fill(email);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const result = page.locator('.track-result');
  await expect(result).toContainText(trackingCode);
  await expect(result).toContainText('建议增加校园夜间照明');
  await context.close();
});

test('without JavaScript a staff member signs in with password and TOTP, and a wrong password is refused', async ({
  browser,
}) => {
  const moderator = await createE2eStaff({ role: 'moderator', totp: true });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('电子邮箱').fill(moderator.email);
  await page.getByLabel('密码').fill(`${moderator.password}x`);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('邮箱或密码不正确');

  await page.getByLabel('电子邮箱').fill(moderator.email);
  await page.getByLabel('密码').fill(moderator.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '两步验证' })).toBeVisible();
  await page
    .getByLabel('验证码或恢复码')
    .fill(new TOTP({ secret: Secret.fromBase32(moderator.totpSecret!) }).generate());
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /您好$/ })).toBeVisible();
  await context.close();
});
