import { and, asc, eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { changePlanStatus, updatePlan } from '../../app/domain/plans/manage-plans.server.ts';
import { moveSection, replaceSections } from '../../app/domain/plans/manage-sections.server.ts';
import { auditLog, planSections, plans } from '../../db/schema/index.ts';
import { addSections, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const ip = '192.0.2.50';

async function admin() {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  return { id: staff.id, permissions: permissionsOf('admin', []) };
}

test('status moves only by allowed transitions, each audited', async () => {
  const viewer = await admin();
  const plan = await createPlan(database.db, { status: 'draft' });
  expect(await changePlanStatus(database.db, { id: plan.id, transition: 'close', viewer, ip })).toEqual({
    ok: false,
    error: 'not_allowed',
  });
  expect(await changePlanStatus(database.db, { id: plan.id, transition: 'publish', viewer, ip })).toEqual({ ok: true });
  expect(await changePlanStatus(database.db, { id: plan.id, transition: 'close', viewer, ip })).toEqual({ ok: true });
  const entries = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'plan'), eq(auditLog.targetId, String(plan.id))))
    .orderBy(asc(auditLog.id));
  expect(entries.map((e) => e.details)).toEqual([
    { from: 'draft', to: 'open' },
    { from: 'open', to: 'closed' },
  ]);
});

test('an edit records the changed field names, not their text', async () => {
  const viewer = await admin();
  const plan = await createPlan(database.db);
  const fields = {
    slug: plan.slug,
    title: '新的标题',
    summary: plan.summary,
    organizer: plan.organizer,
    opensAt: plan.opensAt,
    closesAt: plan.closesAt,
    emailMarker: plan.emailMarker,
    bodyMinLength: plan.bodyMinLength,
    bodyMaxLength: plan.bodyMaxLength,
    submitterTypes: plan.submitterTypes,
    allowAnonymous: plan.allowAnonymous,
  };
  await updatePlan(database.db, { id: plan.id, fields, viewer, ip });
  const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'plan.updated'));
  expect(entry!.details).toEqual({ fields: ['title'] });
});

test('the form settings (lengths, submitter types, anonymity) are saved and audited by name', async () => {
  const viewer = await admin();
  const plan = await createPlan(database.db);
  const fields = {
    slug: plan.slug,
    title: plan.title,
    summary: plan.summary,
    organizer: plan.organizer,
    opensAt: plan.opensAt,
    closesAt: plan.closesAt,
    emailMarker: plan.emailMarker,
    bodyMinLength: 20,
    bodyMaxLength: 3000,
    submitterTypes: ['居民', '企业'],
    allowAnonymous: true,
  };
  await updatePlan(database.db, { id: plan.id, fields, viewer, ip });
  const [saved] = await database.db.select().from(plans).where(eq(plans.id, plan.id));
  expect(saved).toMatchObject({
    bodyMinLength: 20,
    bodyMaxLength: 3000,
    submitterTypes: ['居民', '企业'],
    allowAnonymous: true,
  });
  const entries = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'plan.updated'), eq(auditLog.targetId, String(plan.id))));
  expect(entries[0]!.details).toEqual({
    fields: ['bodyMinLength', 'bodyMaxLength', 'submitterTypes', 'allowAnonymous'],
  });
});

test('sections reorder despite the unique position, and import replaces them for drafts only', async () => {
  const viewer = await admin();
  const plan = await createPlan(database.db, { status: 'draft' });
  const [first] = await addSections(database.db, plan.id, ['甲', '乙', '丙']);
  await moveSection(database.db, { planId: plan.id, sectionId: first!.id, direction: 'down', viewer, ip });
  const order = async () =>
    (
      await database.db
        .select()
        .from(planSections)
        .where(eq(planSections.planId, plan.id))
        .orderBy(asc(planSections.position))
    ).map((s) => s.heading);
  expect(await order()).toEqual(['乙', '甲', '丙']);
  const imported = [{ level: 1 as const, number: '第一章', heading: '总则', bodyMarkdown: '正文' }];
  expect(await replaceSections(database.db, { planId: plan.id, sections: imported, viewer, ip })).toEqual({ ok: true });
  expect(await order()).toEqual(['总则']);
  const open = await createPlan(database.db, { status: 'open' });
  expect(await replaceSections(database.db, { planId: open.id, sections: imported, viewer, ip })).toEqual({
    ok: false,
    error: 'not_draft',
  });
});

test('commands refuse an actor without manage:plan:any', async () => {
  const plan = await createPlan(database.db);
  const planner = {
    id: (await createStaff(database.db, { role: 'planner' })).id,
    permissions: permissionsOf('planner', []),
  };
  await expect(
    changePlanStatus(database.db, { id: plan.id, transition: 'close', viewer: planner, ip }),
  ).rejects.toThrow(/manage:plan:any/);
});
