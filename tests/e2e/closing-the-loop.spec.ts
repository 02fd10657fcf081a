import crypto from 'node:crypto';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { decideSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { waitForMail } from './mailbox.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

test.afterAll(async () => {
  await closeStaffDatabase();
});

/** A draft plan of its own (kept off the public lists other journeys walk) with two decided suggestions. */
async function decidedSuggestions(baseURL: string) {
  const plan = await createPlan(db(), {
    title: `端到端评价规划 ${crypto.randomBytes(3).toString('hex')}`,
    status: 'draft',
  });
  const [category] = await addCategories(db(), plan.id, ['后勤保障']);
  const staff = await createE2eStaff({ role: 'moderator' });
  const moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  const made = [];
  for (const i of [1, 2]) {
    const email = `e2e-rater-${crypto.randomBytes(4).toString('hex')}@example.edu.cn`;
    const title = `端到端评价意见 ${i}`;
    const saved = await submitSuggestion(db(), {
      planId: plan.id,
      channel: 'web',
      categoryId: category!.id,
      title,
      body: '建议食堂增加夜宵窗口。',
      submitterType: '在校学生',
      contact: { name: '周同学', email },
      trackUrl: `${baseURL}/track`,
      acknowledge: false,
    });
    await decideSuggestion(db(), {
      id: saved.id,
      actor: moderator,
      input: { decision: 'adopted', reason: '可行', publicReply: '北区食堂将开设夜宵窗口。', publishable: false },
      siteUrl: baseURL,
    });
    made.push({ ...saved, email, title });
  }
  return { plan, suggestions: made };
}

test('the submitter rates the handling on /track after a decision, another by the email link; the dashboard counts both', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000); // three browser contexts and a mail delivery, on a shared machine
  const { plan, suggestions } = await decidedSuggestions(baseURL!);
  const [first, second] = suggestions;

  // On /track: the timeline, the outcome, then the rating form.
  await page.goto('/track');
  await page.getByLabel('跟踪编号').fill(first!.trackingCode);
  await page.getByLabel('电子邮箱或电话后四位').fill(first!.email);
  await page.getByRole('button', { name: '查询' }).click();
  const result = page.getByRole('status');
  await expect(result.getByText('办结（采纳）')).toBeVisible();
  await expect(result.getByText('北区食堂将开设夜宵窗口。')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: '基本满意' }).check();
  await page.getByLabel('意见（选填）').fill('希望尽快落实');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByTestId('rating-given')).toContainText('感谢您的评价！');
  await expect(page.getByTestId('rating-given')).toContainText('基本满意');
  await expectNoAxeViolations(page);

  // Looking it up again: rated once, no second form.
  await page.goto('/track');
  await page.getByLabel('跟踪编号').fill(first!.trackingCode);
  await page.getByLabel('电子邮箱或电话后四位').fill(first!.email);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('rating-given')).toContainText('您已评价过');
  await expect(page.getByRole('button', { name: '提交评价' })).toHaveCount(0);

  // The second submitter follows the link in the decision email, in a fresh browser.
  const mail = await waitForMail((m) =>
    Boolean(m.subject?.includes(second!.trackingCode) && m.subject.includes('已办结')),
  );
  const link = /https?:\/\/\S+\/rate\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')![0];
  const mailContext = await browser.newContext();
  const mailPage = await mailContext.newPage();
  await mailPage.goto(link);
  await expect(mailPage.getByRole('heading', { level: 1, name: '评价办理情况' })).toBeVisible();
  await expect(mailPage.getByText(second!.title)).toBeVisible();
  await expectNoAxeViolations(mailPage);
  await mailPage.getByRole('radio', { name: '满意', exact: true }).check();
  await mailPage.getByRole('button', { name: '提交评价' }).click();
  await expect(mailPage.getByTestId('rating-given')).toContainText('感谢您的评价！');
  await mailContext.close();

  // Staff see the ratings counted on the plan's dashboard.
  const staffContext = await browser.newContext();
  const planner = await createE2eStaff({ role: 'planner' });
  await loginAs(staffContext, baseURL!, planner.id);
  const staffPage = await staffContext.newPage();
  await staffPage.goto(`/admin/plans/${plan.slug}/dashboard`);
  const ratings = staffPage.getByRole('region', { name: '提出人评价（按类别）' });
  const row = ratings.getByRole('row', { name: /后勤保障/ });
  await expect(row.getByRole('cell')).toHaveText(['1', '1', '0', '2']);
  await staffContext.close();
});
