import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { suggestionSearch } from '../../db/schema/index.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { createPlan } from '../factories/plans.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { controlsTabDoesNotReach } from './keyboard-reach.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

// The campaign view (decision 032): paraphrased copies shown as one group with
// what each adds, axe-clean, and its whole-group action as a plain form post.

test.afterAll(async () => {
  await closeStaffDatabase();
});

const ADDED = '此外建议北区食堂增加外卖自提柜。';
const LETTERS: [string, string][] = [
  [
    '反对撤并北区食堂',
    '我们坚决反对学校在新规划中撤并北区食堂。北区住着六千多名学生，北区食堂是大家吃早饭和夜宵的唯一去处。撤并以后同学们要步行二十分钟去南区就餐，冬天非常不便。',
  ],
  [
    '请不要合并北区食堂',
    `北区有六千余名同学居住，早餐和宵夜全靠这一个食堂。恳请学校不要撤并北区食堂。如果合并，学生每顿饭都得走二十多分钟到南区食堂。${ADDED}`,
  ],
  [
    '保留北区食堂',
    '对于撤销北区食堂的方案，本人表示强烈反对。六千多名住在北区的学生，一日三餐基本都在北区食堂解决。去南区吃饭单程就要二十分钟，寒冬和雨天格外辛苦。',
  ],
];

async function createCampaignPlan() {
  const plan = await createPlan(db(), {
    title: `端到端整组规划 ${crypto.randomBytes(3).toString('hex')}`,
    status: 'draft',
  });
  const ids: number[] = [];
  for (const [title, body] of LETTERS)
    ids.push(
      (
        await submitSuggestion(db(), {
          planId: plan.id,
          channel: 'web',
          title,
          body,
          submitterType: '在校学生',
          contact: { name: '测试', email: `e2e-${crypto.randomBytes(4).toString('hex')}@example.edu.cn` },
          trackUrl: 'http://localhost/track',
          acknowledge: false,
        })
      ).id,
    );
  // The portal's worker links them a moment after their receipts.
  await expect
    .poll(() => db().$count(suggestionSearch, inArray(suggestionSearch.suggestionId, ids)), { timeout: 30_000 })
    .toBe(ids.length);
  return plan;
}

test('a moderator opens a paraphrased campaign as one group, sees what a copy adds, and tags the group without JavaScript', async ({
  page,
  browser,
  context,
  baseURL,
}) => {
  test.slow();
  const plan = await createCampaignPlan();
  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(context, baseURL!, moderator.id);
  await page.goto(`/admin/clusters?plan=${plan.id}`);
  await page.getByRole('link', { name: '整组处理' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('整组处理');
  await expect(page.getByText('共 3 份，来自 3 位不同的提交人')).toBeVisible();
  await expect(page.getByText(ADDED)).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await controlsTabDoesNotReach(page), 'controls Tab does not reach').toEqual([]);

  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
  await loginAs(noScript, baseURL!, moderator.id);
  const plain = await noScript.newPage();
  await plain.goto(page.url());
  await plain.getByLabel('标签（多个用逗号分隔）').fill('北区食堂');
  await plain.getByRole('button', { name: '为整组添加标签' }).click();
  await expect(plain.getByRole('status')).toContainText('已处理 3 份，0 份未改动');
  await expect(plain.getByText(ADDED)).toBeVisible();
  await noScript.close();
});
