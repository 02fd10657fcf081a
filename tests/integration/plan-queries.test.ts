import { expect, test } from 'vitest';
import { getPublicPlan, listClosedPlans, listOpenPlans } from '../../app/domain/plans/queries.server.ts';
import { addCategories, addSections, createPlan } from '../factories/plans.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-06-01T00:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * DAY);

test('the home page lists plans open now, newest first, and nothing else', async () => {
  const { db } = database;
  const older = await createPlan(db, { title: '较早开放', opensAt: at(-20), closesAt: at(10) });
  const newer = await createPlan(db, { title: '最新开放', opensAt: at(-2), closesAt: at(40) });
  await createPlan(db, { title: '草稿', status: 'draft', opensAt: at(-5), closesAt: at(5) });
  await createPlan(db, { title: '尚未开始', opensAt: at(3), closesAt: at(30) });
  const lapsed = await createPlan(db, { title: '已过截止日', opensAt: at(-40), closesAt: at(-1) });
  const closed = await createPlan(db, { title: '已结束', status: 'closed', opensAt: at(-90), closesAt: at(-60) });

  const open = await listOpenPlans(db, { now });
  expect(open.map((p) => p.id)).toEqual([newer.id, older.id]);
  expect(open[0]!.closesAt).toEqual(at(40));

  const ended = await listClosedPlans(db, { now });
  expect(ended.map((p) => p.id)).toEqual([lapsed.id, closed.id]);
});

test('a published plan comes with its sections and categories in order', async () => {
  const { db } = database;
  const plan = await createPlan(db, { emailMarker: "'十四五'规划意见建议" });
  await addSections(db, plan.id, ['发展基础', '指导思想', '主要任务']);
  await addCategories(db, plan.id, ['人才培养', '科学研究']);

  const found = await getPublicPlan(db, plan.slug);
  expect(found?.sections.map((s) => s.heading)).toEqual(['发展基础', '指导思想', '主要任务']);
  expect(found?.categories.map((c) => c.name)).toEqual(['人才培养', '科学研究']);
  expect(found?.emailMarker).toBe("'十四五'规划意见建议");
});

test('a draft is not public, and an unknown slug is not found', async () => {
  const draft = await createPlan(database.db, { status: 'draft' });
  expect(await getPublicPlan(database.db, draft.slug)).toBeNull();
  expect(await getPublicPlan(database.db, 'no-such-plan')).toBeNull();
});
