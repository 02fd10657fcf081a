import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { suggestionSearch } from '../../db/schema/index.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { createPlan } from '../factories/plans.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

test.afterAll(async () => {
  await closeStaffDatabase();
});

const LETTER =
  '听说学校计划撤并北区食堂，我们坚决反对。北区住着六千多名学生，北区食堂是大家吃早饭和夜宵的唯一去处。恳请学校保留北区食堂。';

async function createSearchPlan() {
  const plan = await createPlan(db(), {
    title: `端到端搜索规划 ${crypto.randomBytes(3).toString('hex')}`,
    status: 'draft',
  });
  const ids: number[] = [];
  const add = async (title: string, body: string) => {
    const saved = await submitSuggestion(db(), {
      planId: plan.id,
      channel: 'web',
      title,
      body,
      submitterType: '在校学生',
      contact: { name: '测试', email: `e2e-${crypto.randomBytes(4).toString('hex')}@example.edu.cn` },
      trackUrl: 'http://localhost/track',
      acknowledge: false,
    });
    ids.push(saved.id);
    return saved;
  };
  await add('关于后勤服务', '近年来学校发展很快，但学生食堂饭菜价格偏高，建议引入竞争机制。');
  await add('關於師資的建議', '建議加強師資培訓，提升青年教師的教學水平。');
  const letters = [];
  for (const grade of ['2021级', '2022级', '2023级', '2024级', '2025级'])
    letters.push(await add('反对撤并北区食堂', `${LETTER}（${grade}学生）`));
  // The portal's worker enriches them (search row, near-duplicate links) a
  // moment after their receipts, as it would for a citizen's submission.
  await expect
    .poll(() => db().$count(suggestionSearch, inArray(suggestionSearch.suggestionId, ids)), { timeout: 30_000 })
    .toBe(ids.length);
  return { plan, letters };
}

test('a moderator finds 食堂 and 师资 in the middle of texts, sees a form-letter campaign as one group and merges it', async ({
  page,
  context,
  baseURL,
}) => {
  // Four axe runs and a merge on a shared, loaded machine.
  test.slow();
  const { plan, letters } = await createSearchPlan();
  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(context, baseURL!, moderator.id);

  await page.goto(`/admin/suggestions?plan=${plan.id}`);
  await page.getByLabel('搜索', { exact: true }).fill('食堂 -撤并');
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  const table = page.getByRole('table', { name: '意见建议处理' });
  await expect(table.getByRole('link', { name: '关于后勤服务' })).toBeVisible();
  await expect(table.getByRole('link', { name: '反对撤并北区食堂' })).toHaveCount(0);
  await expect(table.locator('mark').first()).toHaveText('食堂');
  await expectNoAxeViolations(page);

  // Simplified query, Traditional text.
  await page.getByLabel('搜索', { exact: true }).fill('师资');
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(table.getByRole('link', { name: '關於師資的建議' })).toBeVisible();
  await expect(table.locator('mark').first()).toHaveText('師資');

  // The campaign: one group of five, flagged.
  await page.goto(`/admin/clusters?plan=${plan.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '相似意见分组' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /反对撤并北区食堂/ })).toContainText('可能为有组织的批量雷同来信');
  await expectNoAxeViolations(page);

  await page.goto(`/admin/suggestions/${letters[0]!.id}`);
  await expect(page.getByRole('heading', { level: 2, name: '相似意见（4）' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '将整组标记为本条的重复意见' }).click();
  await expect(page.getByRole('status')).toContainText('已将 4 条标记为重复意见');
  await expect(page.getByText('共 5 位提交人（含被合并的重复意见）')).toBeVisible();
});

test('an admin edits keyword rules for a plan', async ({ page, context, baseURL }) => {
  const plan = await createPlan(db(), {
    title: `端到端规则规划 ${crypto.randomBytes(3).toString('hex')}`,
    status: 'draft',
  });
  const admin = await createE2eStaff({ role: 'admin', totp: true });
  await loginAs(context, baseURL!, admin.id);
  await page.goto(`/admin/plans/${plan.id}/rules`);
  await expect(page.getByRole('heading', { level: 1, name: '关键词规则' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('关键词（用逗号或顿号分隔）').fill('食堂，夜宵');
  await page.getByLabel('建议标签（可选）').fill('餐饮');
  await page.getByRole('button', { name: '添加规则' }).click();
  await expect(page.getByRole('cell', { name: '食堂、夜宵' })).toBeVisible();
  await expectNoAxeViolations(page);
});
