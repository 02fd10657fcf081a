import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { suggestionSearch } from '../../db/schema/index.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { refreshThemes } from '../../app/domain/themes/refresh-themes.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

test.afterAll(async () => {
  await closeStaffDatabase();
});

const NIGHT = [
  '北区食堂夜宵窗口关得太早，希望延长到晚上十一点。',
  '北区食堂的夜宵种类太少，建议增加面食。',
  '晚上在北区食堂买夜宵要排很久的队。',
  '北区食堂夜宵价格比南区贵。',
];

test('a moderator sees why a category was proposed, and accepts a proposed theme with the keyboard', async ({
  page,
  context,
  baseURL,
}) => {
  test.slow();
  const plan = await createPlan(db(), {
    title: `端到端主题规划 ${crypto.randomBytes(3).toString('hex')}`,
    status: 'draft',
  });
  await addCategories(db(), plan.id, ['后勤保障', '信息化建设']);
  const ids: number[] = [];
  for (const [i, body] of NIGHT.entries()) {
    const saved = await submitSuggestion(db(), {
      planId: plan.id,
      channel: 'web',
      title: `夜宵${i}`,
      body,
      submitterType: '在校学生',
      contact: { name: '测试', email: `e2e-${crypto.randomBytes(4).toString('hex')}@example.edu.cn` },
      trackUrl: 'http://localhost/track',
      acknowledge: false,
    });
    ids.push(saved.id);
  }
  await expect
    .poll(() => db().$count(suggestionSearch, inArray(suggestionSearch.suggestionId, ids)), { timeout: 30_000 })
    .toBe(ids.length);
  // What the 15-minute job does for open plans, run now for this one.
  await refreshThemes(db(), plan.id);

  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(context, baseURL!, moderator.id);
  await page.goto(`/admin/suggestions/${ids[0]}`);
  await expect(page.getByText('提出这个类别，是因为文中出现了：夜宵（食堂）')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/admin/themes?plan=${plan.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '意见主题' })).toBeVisible();
  const form = page.getByRole('form', { name: /处理主题/ }).first();
  await expectNoAxeViolations(page);
  await form.getByLabel('主题名称').fill('北区夜宵');
  await form.getByRole('button', { name: '采纳为标签' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /北区夜宵/ })).toContainText('已采纳');
  await expectNoAxeViolations(page);
});
