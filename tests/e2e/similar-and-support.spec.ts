import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { suggestions } from '../../db/schema/index.ts';
import { enrichSuggestion } from '../../app/domain/enrichment/enrich-suggestion.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { controlsTabDoesNotReach } from './keyboard-reach.ts';
import { closeStaffDatabase, db } from './staff.ts';

test.afterAll(async () => {
  await closeStaffDatabase();
});

/** An open plan of its own with one published suggestion (consented, publishable, summarised). */
async function planWithPublishedSuggestion(baseURL: string) {
  const tag = crypto.randomBytes(3).toString('hex');
  const plan = await createPlan(db(), { title: `端到端附议规划 ${tag}`, slug: `e2e-support-${tag}` });
  await addCategories(db(), plan.id, ['后勤保障']);
  const saved = await submitSuggestion(db(), {
    planId: plan.id,
    channel: 'web',
    title: '食堂夜宵窗口',
    body: '建议食堂开设夜宵窗口，延长晚间营业时间。',
    submitterType: '在校学生',
    contact: { name: '吴同学', email: `e2e-support-${tag}@example.edu.cn` },
    publicationConsent: 'anonymous',
    trackUrl: `${baseURL}/track`,
    acknowledge: false,
  });
  await enrichSuggestion(db(), saved.id);
  const summary = `摘要：开设食堂夜宵窗口 ${tag}`;
  await db()
    .update(suggestions)
    .set({ status: 'in_review', publishable: true, publicSummary: summary })
    .where(eq(suggestions.id, saved.id));
  return { plan, summary };
}

test('find similar by keyboard keeps what was typed, lists the published suggestion, and 附议 counts it', async ({
  page,
  baseURL,
}) => {
  const { plan, summary } = await planWithPublishedSuggestion(baseURL!);
  await page.goto(`/plans/${plan.slug}/suggest`);
  await page.getByLabel('标题').fill('食堂晚上营业时间');
  await page.getByLabel('意见建议内容').fill('希望食堂晚上开设夜宵窗口。');

  // Keyboard only: Tab from the text to the button, Enter.
  await page.getByLabel('意见建议内容').focus();
  const find = page.getByRole('button', { name: '查找相似建议' });
  for (let i = 0; i < 5 && !(await find.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(find).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: '相似的已公开建议' })).toBeVisible();
  await expect(page.getByText(summary)).toBeVisible();
  await expect(page.getByText('办理情况：办理中')).toBeVisible();
  await expect(page.getByLabel('标题')).toHaveValue('食堂晚上营业时间');
  await expect(page.getByLabel('意见建议内容')).toHaveValue('希望食堂晚上开设夜宵窗口。');
  await expectNoAxeViolations(page);

  const supportButton = page.getByRole('button', { name: '附议', exact: true });
  await supportButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '附议这条建议' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await controlsTabDoesNotReach(page), 'controls Tab does not reach').toEqual([]);
  await page.getByTestId('fake-hcaptcha').check();
  await page.getByRole('button', { name: '附议', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '已附议' })).toBeVisible();
  await expect(page.getByText('这条建议目前共有 1 人附议')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('with JavaScript similar suggestions appear as one types, without the contact fields leaving the page, and 附议 opens by keyboard', async ({
  page,
  baseURL,
}) => {
  const { plan, summary } = await planWithPublishedSuggestion(baseURL!);
  const lookups: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/similar')) lookups.push(request.postData() ?? '');
  });
  await page.goto(`/plans/${plan.slug}/suggest`);
  await page.getByLabel('电子邮箱').fill('as-you-type@example.edu.cn');
  await page.getByLabel('标题').fill('食堂晚上营业时间');
  await page.getByLabel('意见建议内容').pressSequentially('希望食堂晚上开设夜宵窗口。');

  // No click: the list comes once the writer pauses, announced by a status line.
  await expect(page.getByRole('status').filter({ hasText: '本规划已有 1 条相似的已公开建议' })).toBeVisible();
  const list = page.getByRole('list', { name: '相似的已公开建议' });
  await expect(list.getByText(summary)).toBeVisible();
  // One lookup per pause, not one per key; title and body only.
  expect(lookups.length).toBeGreaterThan(0);
  expect(lookups.length).toBeLessThanOrEqual(2);
  for (const body of lookups) {
    expect(body).toContain('希望食堂晚上开设夜宵窗口');
    expect(body).not.toContain('as-you-type@example.edu.cn');
  }
  // Nothing typed was reset by the lookup.
  await expect(page.getByLabel('意见建议内容')).toHaveValue('希望食堂晚上开设夜宵窗口。');
  await expect(page.getByLabel('电子邮箱')).toHaveValue('as-you-type@example.edu.cn');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '查找相似建议' }).focus();
  const support = list.getByRole('link', { name: '附议', exact: true });
  for (let i = 0; i < 3 && !(await support.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(support).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '附议这条建议' })).toBeVisible();
});

test('submitting while a similar lookup is still in flight reaches the receipt', async ({ page }) => {
  // Hold every lookup for three seconds, so that the form is submitted while one is pending.
  let lookups = 0;
  await page.route(
    (url) => url.pathname.endsWith('/similar'),
    async (route) => {
      lookups += 1;
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue().catch(() => undefined);
    },
  );
  await page.goto('/plans/nanhu-14th-five-year-plan/suggest');
  await page.getByLabel('意见类别').selectOption({ label: '人才培养' });
  await page.getByRole('radio', { name: '在校学生' }).check();
  await page.getByLabel('电子邮箱').fill('in-flight@example.edu.cn');
  await page.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }).check();
  await page.getByTestId('fake-hcaptcha').check();
  await page.getByLabel('标题').fill('查询进行中提交');
  await page.getByLabel('意见建议内容').pressSequentially('建议图书馆在考试周延长开放时间到晚上十一点。');
  await expect.poll(() => lookups).toBeGreaterThan(0);
  await page.getByRole('button', { name: '提交意见建议' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '提交成功' })).toBeVisible();
  await expect(page).toHaveURL(/\/receipt\/JY-/);
});
