import { asc, eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { normalizeTrackingCode } from '../../app/domain/suggestions/tracking-code.ts';
import { categories, planSections, plans, suggestionContacts, suggestions } from '../../db/schema/index.ts';
import { demoSuggestionCount, seedDemoData, seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();

test('an empty database is seeded once with the demo consultations', async () => {
  expect(await seedIfEmpty(database.db)).toBe(true);
  expect(await seedIfEmpty(database.db)).toBe(false);
  const rows = await database.db.select({ slug: plans.slug, status: plans.status }).from(plans).orderBy(asc(plans.id));
  expect(rows).toEqual([
    { slug: 'nanhu-14th-five-year-plan', status: 'open' },
    { slug: 'nanhu-campus-master-plan', status: 'closed' },
  ]);
});

test('the demo plan has the seed notice’s ten categories, chapters with sections, and its email marker', async () => {
  const [plan] = await database.db.select().from(plans).where(eq(plans.slug, 'nanhu-14th-five-year-plan'));
  expect(plan!.emailMarker).toBe("'十四五'规划意见建议");
  expect(plan!.opensAt!.getTime()).toBeLessThan(Date.now());
  expect(plan!.closesAt!.getTime()).toBeGreaterThan(Date.now());
  const names = await database.db
    .select({ name: categories.name })
    .from(categories)
    .where(eq(categories.planId, plan!.id))
    .orderBy(asc(categories.position));
  expect(names.map((c) => c.name)).toEqual([
    '人才培养',
    '科学研究',
    '社会服务',
    '学科专业建设',
    '师资队伍建设',
    '校园建设',
    '信息化建设',
    '合作办学',
    '后勤保障',
    '综合改革',
  ]);
  const sections = await database.db.select().from(planSections).where(eq(planSections.planId, plan!.id));
  expect(sections.filter((s) => s.level === 1).length).toBeGreaterThanOrEqual(3);
  expect(sections.filter((s) => s.level === 2).length).toBeGreaterThanOrEqual(6);
  expect(sections.some((s) => s.number === '第三章')).toBe(true);
});

test('npm run db:seed skips consultations that already exist', async () => {
  expect(await seedDemoData(database.db)).toEqual([]);
  expect(await database.db.$count(plans)).toBe(2);
});

test('both consultations come with demo suggestions whose contacts sit apart and whose codes are valid', async () => {
  const rows = await database.db.select().from(suggestions);
  expect(rows.length).toBe(demoSuggestionCount);
  for (const row of rows) expect(normalizeTrackingCode(row.trackingCode)).toBe(row.trackingCode);
  expect(new Set(rows.map((r) => r.status))).toEqual(
    new Set(['received', 'in_review', 'adopted', 'partially_adopted', 'not_adopted']),
  );
  expect(await database.db.$count(suggestionContacts)).toBe(demoSuggestionCount);
});
