import { and, asc, eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { changePlanStatus } from '../../app/domain/plans/manage-plans.server.ts';
import {
  addSection,
  moveSection,
  removeSection,
  updateSection,
} from '../../app/domain/plans/manage-sections.server.ts';
import { getVersionChangesForAdmin, saveChangeNote } from '../../app/domain/versions/change-notes.server.ts';
import { hasUnpublishedEdits, publishVersion } from '../../app/domain/versions/publish-version.server.ts';
import {
  getComparison,
  getVersionedPlan,
  revisionsForSuggestion,
  versionSections,
} from '../../app/domain/versions/queries.server.ts';
import { previewReimport, reimportSections } from '../../app/domain/plans/reimport-sections.server.ts';
import { auditLog, planSections, suggestions } from '../../db/schema/index.ts';
import { addSections, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const ip = '192.0.2.60';

async function admin() {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  return { id: staff.id, permissions: permissionsOf('admin', []) };
}

async function planWithSections() {
  const plan = await createPlan(database.db);
  const sections = await addSections(database.db, plan.id, ['总体要求', '医疗资源配置', '人才队伍']);
  await database.db
    .update(planSections)
    .set({ bodyMarkdown: '每千人口床位数不低于6张。' })
    .where(eq(planSections.id, sections[1]!.id));
  return { plan, sections };
}

async function decided(
  planId: number,
  status: 'adopted' | 'partially_adopted' | 'not_adopted' | 'in_review',
  summary: string | null = '提高床位配置标准。',
) {
  // 匿名公开: the summary may be shown, the name not (consent-matrix.test.ts covers every choice).
  const s = await createSuggestion(database.db, planId, {
    contact: { name: '李春花', email: 'li.chunhua@example.edu.cn' },
    publicationConsent: 'anonymous',
  });
  await database.db
    .update(suggestions)
    .set({ status, publicSummary: summary, publishable: true, decidedAt: new Date() })
    .where(eq(suggestions.id, s.id));
  return s;
}

const edit = (section: { id: number; heading: string; number: string }, bodyMarkdown: string) => ({
  level: 1 as const,
  number: section.number,
  heading: section.heading,
  bodyMarkdown,
});

test('the first edit of a published plan keeps its text as version 1; publishing makes version 2', async () => {
  const viewer = await admin();
  const { plan, sections } = await planWithSections();
  expect((await getVersionedPlan(database.db, plan.slug))!.versions).toEqual([]);
  await updateSection(database.db, {
    planId: plan.id,
    sectionId: sections[1]!.id,
    fields: edit(sections[1]!, '每千人口床位数不低于7张。'),
    viewer,
    ip,
  });
  const { versions } = (await getVersionedPlan(database.db, plan.slug))!;
  expect(versions.map((v) => v.number)).toEqual([1]);
  expect((await versionSections(database.db, versions[0]!.id)).map((s) => s.bodyMarkdown)).toEqual([
    '',
    '每千人口床位数不低于6张。',
    '',
  ]);
  expect(await hasUnpublishedEdits(database.db, plan.id)).toBe(true);

  expect(await publishVersion(database.db, { planId: plan.id, note: '根据意见修改第二章。', viewer, ip })).toEqual({
    ok: true,
    number: 2,
  });
  expect(await hasUnpublishedEdits(database.db, plan.id)).toBe(false);
  expect(await publishVersion(database.db, { planId: plan.id, note: '', viewer, ip })).toEqual({
    ok: false,
    error: 'no_changes',
  });
  const after = (await getVersionedPlan(database.db, plan.slug))!.versions;
  expect(after.map((v) => [v.number, v.note])).toEqual([
    [1, ''],
    [2, '根据意见修改第二章。'],
  ]);
  // The working text (what the plan page and the suggestion form read) is untouched by publishing.
  const working = await database.db
    .select()
    .from(planSections)
    .where(eq(planSections.planId, plan.id))
    .orderBy(asc(planSections.position));
  expect(working.map((s) => s.id)).toEqual(sections.map((s) => s.id));
  const audit = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'plan.version_published'), eq(auditLog.targetId, String(plan.id))));
  expect(audit.map((a) => a.details)).toEqual([{ version: 2, versionId: after[1]!.id }]);
});

test('a draft has no versions; publishing the plan makes version 1', async () => {
  const viewer = await admin();
  const plan = await createPlan(database.db, { status: 'draft' });
  await addSections(database.db, plan.id, ['总则']);
  await addSection(database.db, {
    planId: plan.id,
    fields: { level: 1, number: '第二章', heading: '目标', bodyMarkdown: '' },
    viewer,
    ip,
  });
  expect(await publishVersion(database.db, { planId: plan.id, note: '', viewer, ip })).toEqual({
    ok: false,
    error: 'not_published',
  });
  await changePlanStatus(database.db, { id: plan.id, transition: 'publish', viewer, ip });
  const { versions } = (await getVersionedPlan(database.db, plan.slug))!;
  expect(versions.map((v) => v.number)).toEqual([1]);
  expect((await versionSections(database.db, versions[0]!.id)).map((s) => s.heading)).toEqual(['总则', '目标']);
});

test('the comparison shows modified, added, removed and moved sections with reasons and public summaries only', async () => {
  const viewer = await admin();
  const { plan, sections } = await planWithSections();
  const adopted = await decided(plan.id, 'adopted');
  const unpublished = await decided(plan.id, 'partially_adopted');
  await database.db.update(suggestions).set({ publishable: false }).where(eq(suggestions.id, unpublished.id));
  await updateSection(database.db, {
    planId: plan.id,
    sectionId: sections[1]!.id,
    fields: edit(sections[1]!, '每千人口床位数不低于7张。'),
    viewer,
    ip,
  });
  await removeSection(database.db, { planId: plan.id, sectionId: sections[0]!.id, viewer, ip });
  const added = await addSection(database.db, {
    planId: plan.id,
    fields: { level: 1, number: '第四章', heading: '保障措施', bodyMarkdown: '加强组织领导。' },
    viewer,
    ip,
  });
  await moveSection(database.db, { planId: plan.id, sectionId: sections[2]!.id, direction: 'up', viewer, ip });
  await publishVersion(database.db, { planId: plan.id, note: '', viewer, ip });

  const changes = (await getVersionChangesForAdmin(database.db, { planId: plan.id, number: 2, viewer }))!;
  expect(changes.rows.map((r) => `${r.kind}${r.moved ? '+moved' : ''}:${r.key}`)).toEqual([
    `removed:${sections[0]!.id}`,
    `unchanged+moved:${sections[2]!.id}`,
    `modified:${sections[1]!.id}`,
    `added:${added}`,
  ]);
  const saved = await saveChangeNote(database.db, {
    planId: plan.id,
    number: 2,
    sectionKey: sections[1]!.id,
    reason: '采纳意见，提高床位配置标准。',
    codes: `${adopted.trackingCode.toLowerCase()}，${unpublished.trackingCode}`,
    viewer,
    ip,
  });
  expect(saved).toEqual({ ok: true });

  const { versions } = (await getVersionedPlan(database.db, plan.slug))!;
  const comparison = await getComparison(database.db, { planId: plan.id, from: versions[0]!, to: versions[1]! });
  const modified = comparison.rows.find((r) => r.kind === 'modified')!;
  expect(modified.body.filter((op) => op.op !== 'equal')).toEqual([
    { op: 'delete', text: '6' },
    { op: 'insert', text: '7' },
  ]);
  expect(modified.notes).toEqual([
    {
      version: 2,
      reason: '采纳意见，提高床位配置标准。',
      suggestions: [
        { status: 'adopted', summary: '提高床位配置标准。', name: null },
        { status: 'partially_adopted', summary: null, name: null },
      ],
    },
  ]);
  const everything = JSON.stringify(comparison);
  for (const secret of ['李春花', 'li.chunhua', adopted.trackingCode, unpublished.trackingCode])
    expect(everything).not.toContain(secret);
  expect(comparison.unchanged).toBe(0);

  // The submitter's /track finds the change; the other suggestion of the plan is not linked.
  expect(await revisionsForSuggestion(database.db, adopted.trackingCode)).toEqual([
    { planSlug: plan.slug, version: 2, sectionKey: sections[1]!.id, heading: '医疗资源配置' },
  ]);
  const other = await decided(plan.id, 'adopted');
  expect(await revisionsForSuggestion(database.db, other.trackingCode)).toEqual([]);
});

test('linking refuses malformed codes, codes of other plans and suggestions not adopted, naming each', async () => {
  const viewer = await admin();
  const { plan, sections } = await planWithSections();
  const otherPlan = await createPlan(database.db);
  const elsewhere = await decided(otherPlan.id, 'adopted');
  const rejected = await decided(plan.id, 'not_adopted');
  const pending = await decided(plan.id, 'in_review');
  await updateSection(database.db, {
    planId: plan.id,
    sectionId: sections[1]!.id,
    fields: edit(sections[1]!, '每千人口床位数不低于7张。'),
    viewer,
    ip,
  });
  await publishVersion(database.db, { planId: plan.id, note: '', viewer, ip });
  const result = await saveChangeNote(database.db, {
    planId: plan.id,
    number: 2,
    sectionKey: sections[1]!.id,
    reason: '理由',
    codes: `JY-XXXX, ${elsewhere.trackingCode} ${rejected.trackingCode}\n${pending.trackingCode}`,
    viewer,
    ip,
  });
  expect(result).toEqual({
    ok: false,
    error: 'codes',
    problems: [
      { code: 'JY-XXXX', problem: 'format' },
      { code: elsewhere.trackingCode, problem: 'not_found' },
      { code: rejected.trackingCode, problem: 'not_adopted' },
      { code: pending.trackingCode, problem: 'not_adopted' },
    ],
  });
  // A section that did not change in this version takes no note.
  expect(
    await saveChangeNote(database.db, {
      planId: plan.id,
      number: 2,
      sectionKey: sections[0]!.id,
      reason: '理由',
      codes: '',
      viewer,
      ip,
    }),
  ).toEqual({ ok: false, error: 'not_found' });
  expect(
    await saveChangeNote(database.db, {
      planId: plan.id,
      number: 1,
      sectionKey: sections[1]!.id,
      reason: '理由',
      codes: '',
      viewer,
      ip,
    }),
  ).toEqual({ ok: false, error: 'not_found' });
  expect((await getVersionChangesForAdmin(database.db, { planId: plan.id, number: 2, viewer }))!.rows[0]!.reason).toBe(
    '',
  );
});

test('a revised draft re-imported from Word updates matching sections in place, so suggestions stay linked', async () => {
  const viewer = await admin();
  const { plan, sections } = await planWithSections();
  const onSection = await createSuggestion(database.db, plan.id, { sectionId: sections[1]!.id });
  const imported = [
    { level: 1 as const, number: '第一章', heading: '总体要求', bodyMarkdown: '' },
    { level: 1 as const, number: '第二章', heading: '优化医疗资源配置', bodyMarkdown: '每千人口床位数不低于7张。' },
    { level: 1 as const, number: '第三章', heading: '中医药发展', bodyMarkdown: '建设中医医院。' },
  ];
  expect(await previewReimport(database.db, { planId: plan.id, sections: imported })).toEqual({
    matches: [
      { id: sections[0]!.id, number: '第1章', heading: '总体要求' },
      { id: sections[1]!.id, number: '第2章', heading: '医疗资源配置' },
      null,
    ],
    removed: [{ id: sections[2]!.id, number: '第3章', heading: '人才队伍' }],
  });
  expect(await reimportSections(database.db, { planId: plan.id, sections: imported, viewer, ip })).toEqual({
    ok: true,
  });
  const working = await database.db
    .select()
    .from(planSections)
    .where(eq(planSections.planId, plan.id))
    .orderBy(asc(planSections.position));
  expect(
    working.map((s) => [s.id === sections[0]!.id || s.id === sections[1]!.id ? 'kept' : 'new', s.position, s.heading]),
  ).toEqual([
    ['kept', 0, '总体要求'],
    ['kept', 1, '优化医疗资源配置'],
    ['new', 2, '中医药发展'],
  ]);
  const [stillLinked] = await database.db
    .select({ sectionId: suggestions.sectionId })
    .from(suggestions)
    .where(eq(suggestions.id, onSection.id));
  expect(stillLinked!.sectionId).toBe(sections[1]!.id);

  await publishVersion(database.db, { planId: plan.id, note: '', viewer, ip });
  const { versions } = (await getVersionedPlan(database.db, plan.slug))!;
  const { rows } = await getComparison(database.db, { planId: plan.id, from: versions[0]!, to: versions[1]! });
  expect(rows.map((r) => `${r.kind}:${r.after?.heading ?? r.before!.heading}`)).toEqual([
    'modified:优化医疗资源配置',
    'removed:人才队伍',
    'added:中医药发展',
  ]);
  expect(rows[0]!.heading.filter((op) => op.op !== 'equal')).toEqual([{ op: 'insert', text: '优化' }]);
});
