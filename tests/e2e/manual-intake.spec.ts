import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, loginAs } from './staff.ts';
import { createTriagePlan } from './triage-data.ts';

test.afterAll(async () => {
  await closeStaffDatabase();
});

test('a moderator records two suggestions from one symposium, then looks at the mail queue', async ({
  page,
  context,
  baseURL,
}) => {
  const { plan } = await createTriagePlan();
  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(context, baseURL!, moderator.id);
  await page.goto('/admin/intake/new');
  await expect(page.getByRole('heading', { level: 1, name: '录入意见建议' })).toBeVisible();
  await page.getByLabel('规划', { exact: true }).selectOption({ label: plan.title });
  await page.getByRole('button', { name: '选择规划' }).click();
  await expect(page.getByLabel('渠道')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('渠道').selectOption({ label: '座谈会' });
  await page.getByLabel('座谈会名称').fill('青年教师座谈会');
  await page.getByLabel('姓名').fill('赵老师');
  await page.getByLabel('标题').fill('增加青年教师公寓');
  await page.getByLabel('意见建议内容').fill('建议新建青年教师公寓，缓解住房压力。');
  await page.getByRole('button', { name: '保存并继续录入本场座谈会' }).click();
  await expect(page.getByRole('status')).toContainText('已录入，跟踪编号 JY-');
  // The same meeting carries over to the next entry.
  await expect(page.getByLabel('座谈会名称')).toHaveValue('青年教师座谈会');
  await expect(page.getByLabel('渠道')).toHaveValue('symposium');
  await page.getByLabel('标题').fill('完善教学评价');
  await page.getByLabel('意见建议内容').fill('建议减少评价表格，突出教学实效。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '完善教学评价' })).toBeVisible();
  await expect(page.getByText('青年教师座谈会')).toBeVisible();

  await page.goto('/admin/inbox');
  await expect(page.getByRole('heading', { level: 1, name: '邮件队列' })).toBeVisible();
  await expectNoAxeViolations(page);
});
