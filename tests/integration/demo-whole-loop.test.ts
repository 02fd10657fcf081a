import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { plans } from '../../db/schema/index.ts';
import { seedDemoData } from '../../scripts/seed.server.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { clusterList } from '../../app/domain/duplicates/queries.server.ts';
import { reportFigures } from '../../app/domain/feedback/report-figures.server.ts';
import { revisionsForSuggestion } from '../../app/domain/versions/queries.server.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// The demo shows a newcomer the whole loop: a finished consultation with its
// report and revised text, and an open one with a form-letter campaign.
const database = setupTestDatabase();
const portal = setupTestPortal(database);
const CAMPUS = 'nanhu-campus-master-plan';
const OPEN = 'nanhu-14th-five-year-plan';

beforeAll(async () => {
  await seedDemoData(database.db);
});

const page = async (path: string) => {
  const response = await fetch(`${portal.url}${path}`);
  return { status: response.status, html: await response.text() };
};

const planId = async (slug: string) =>
  (await database.db.select({ id: plans.id }).from(plans).where(eq(plans.slug, slug)))[0]!.id;

test('the closed consultation publishes its report: replies, and a name only where the submitter chose 署名公开', async () => {
  const { status, html } = await page(`/plans/${CAMPUS}/report`);
  expect(status).toBe(200);
  expect(html).toContain('修订稿第三部分已改为');
  expect(html).toContain('郑卫东'); // 署名公开
  for (const withheld of [
    '林晓',
    '何静',
    '马女士',
    '黄研究员',
    '13707351122',
    'lin.xiao@example.edu.cn',
    '土木工程学院',
  ])
    expect(html, withheld).not.toContain(withheld);
});

test('the closed consultation has a version 2 whose comparison cites the adopted suggestions', async () => {
  const { status, html } = await page(`/plans/${CAMPUS}/compare`);
  expect(status).toBe(200);
  expect(html).toContain('在北门和东门外侧设置地面停车场');
  // The change cites the adopted suggestions by their public summaries.
  expect(html).toContain('以北门、东门外侧地面停车场替代校门附近地下停车场。');
  expect(html).toContain('教学楼周边增设非机动车停车棚。');
  expect(html).not.toContain('林晓'); // 匿名公开
  const docx = await fetch(`${portal.url}/plans/${CAMPUS}/compare/docx`);
  expect(docx.status).toBe(200);
  expect(await revisionsForSuggestion(database.db, 'JY-CAM3-6F8H')).toEqual([
    expect.objectContaining({ planSlug: CAMPUS, version: 2, heading: '交通组织' }),
  ]);
  expect(await revisionsForSuggestion(database.db, 'JY-CAM3-4P6R')).toEqual([]); // not adopted
});

test('the closed consultation counts its submitters’ ratings', async () => {
  const figures = await reportFigures(database.db, await planId(CAMPUS));
  expect(figures).toMatchObject({ total: 5, replied: 5 });
  expect(figures.satisfaction).toEqual([
    { category: '学生生活区', satisfied: 0, basicallySatisfied: 1, dissatisfied: 0 },
    { category: '交通与停车', satisfied: 1, basicallySatisfied: 1, dissatisfied: 0 },
  ]);
});

test('the open consultation shows a form-letter campaign as one group of five', async () => {
  const { id } = await createStaff(database.db, { role: 'moderator' });
  const viewer = { id, permissions: permissionsOf('moderator', []) };
  const { rows } = await clusterList(database.db, { viewer, planId: await planId(OPEN) });
  expect(rows).toEqual([expect.objectContaining({ size: 5, campaign: true, title: '关于延长图书馆开放时间的建议' })]);
});
