import { beforeAll, expect, test } from 'vitest';
import { planDashboard, type PlanDashboard } from '../../app/domain/exports/dashboard.server.ts';
import { eq } from 'drizzle-orm';
import { suggestions } from '../../db/schema/index.ts';
import { seedDemoData } from '../../scripts/seed.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { demoPlanId } from './helpers/exports.ts';

const database = setupTestDatabase();
let dashboard: PlanDashboard;

beforeAll(async () => {
  await seedDemoData(database.db);
  dashboard = await planDashboard(database.db, await demoPlanId(database.db));
});

const counts = (rows: { label: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.label, r.count]));

// The open demo consultation: eight suggestions of every kind, plus a form
// letter mailed in by five students (后勤保障, email, 在校学生, received).
test('totals and shares by status match the demo seed', () => {
  expect(dashboard.total).toBe(13);
  expect(counts(dashboard.byStatus)).toEqual({
    received: 8,
    in_review: 1,
    adopted: 2,
    partially_adopted: 1,
    not_adopted: 1,
  });
  expect(dashboard.byStatus.find((r) => r.key === 'received')!.share).toBeCloseTo(8 / 13);
  expect(dashboard.byStatus.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1);
});

test('by category (plan order), section (no section last), channel and submitter type', () => {
  expect(dashboard.byCategory.map((r) => r.label)).toEqual([
    '人才培养',
    '科学研究',
    '师资队伍建设',
    '校园建设',
    '信息化建设',
    '合作办学',
    '后勤保障',
    '综合改革',
  ]);
  expect(dashboard.byCategory.map((r) => r.count)).toEqual([1, 1, 1, 1, 1, 1, 6, 1]);
  expect(dashboard.bySection.map((r) => [r.label, r.count])).toEqual([
    ['一、深化人才培养模式改革', 1],
    ['二、提升科学研究与创新能力', 1],
    ['三、加强师资队伍建设', 1],
    ['四、推进校园建设与信息化建设', 1],
    ['', 9],
  ]);
  expect(counts(dashboard.byChannel)).toEqual({ web: 2, email: 7, letter: 1, phone: 1, visit: 1, symposium: 1 });
  expect(counts(dashboard.bySubmitterType)).toEqual({ 教职工: 3, 在校学生: 7, 校友: 1, 社会人士: 1, 单位或团体: 1 });
});

test('submissions per day, adoption rate by category and top tags', () => {
  // Demo suggestions are 6, 5, 4, 3, 3, 2, 1 and 0 days old; the form letters 6, 5, 5, 4 and 3.
  expect(dashboard.perDay.map((r) => r.count)).toEqual([2, 3, 2, 3, 1, 1, 1]);
  expect(dashboard.perDay.map((r) => r.day)).toEqual([...dashboard.perDay.map((r) => r.day)].sort());
  const adoption = Object.fromEntries(
    dashboard.adoptionByCategory.map((r) => [r.label, [r.decided, r.adopted, r.partiallyAdopted, r.rate]]),
  );
  expect(adoption['人才培养']).toEqual([1, 1, 0, 1]);
  expect(adoption['师资队伍建设']).toEqual([1, 0, 1, 1]);
  expect(adoption['校园建设']).toEqual([1, 0, 0, 0]);
  expect(adoption['合作办学']).toEqual([0, 0, 0, 0]);
  expect(dashboard.topTags).toHaveLength(8);
  expect(dashboard.topTags.map((t) => t.label).sort()).toEqual(
    ['停车', '新工科', '智慧校园', '科研经费', '科研评价', '辅修', '青年教师', '食堂'].sort(),
  );
});

test('the dashboard reads a plan through its index (with few rows the planner would rather scan, so scans are priced out)', async () => {
  const planId = await demoPlanId(database.db);
  const plan = await database.sql.begin(async (tx) => {
    await tx`set local enable_seqscan = off`;
    return tx.unsafe(`explain select status, count(*) from suggestions where plan_id = ${planId} group by status`);
  });
  expect(JSON.stringify(plan)).toMatch(/suggestions_plan_[a-z_]*idx/);
});

test('spam and duplicates are counted apart, never in the total or the breakdowns', async () => {
  const plan = await createPlan(database.db, { slug: 'dashboard-spam' });
  const [category] = await addCategories(database.db, plan.id, ['后勤保障']);
  const kept = await createSuggestion(database.db, plan.id, { categoryId: category!.id });
  const spam = await createSuggestion(database.db, plan.id, { categoryId: category!.id });
  const duplicate = await createSuggestion(database.db, plan.id, { categoryId: category!.id });
  await database.db.update(suggestions).set({ status: 'spam' }).where(eq(suggestions.id, spam.id));
  await database.db
    .update(suggestions)
    .set({ status: 'duplicate', duplicateOfId: kept.id })
    .where(eq(suggestions.id, duplicate.id));
  const result = await planDashboard(database.db, plan.id);
  expect(result.total).toBe(1);
  expect(result.excluded).toBe(2);
  expect(counts(result.byStatus)).toEqual({ received: 1, duplicate: 1, spam: 1 });
  expect(counts(result.byCategory)).toEqual({ 后勤保障: 1 });
  expect(result.byCategory[0]!.share).toBe(1);
  expect(counts(result.byChannel)).toEqual({ web: 1 });
  expect(result.perDay.map((r) => r.count)).toEqual([1]);
});
