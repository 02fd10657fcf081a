import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { updateSection } from '../../app/domain/plans/manage-sections.server.ts';
import { publishVersion } from '../../app/domain/versions/publish-version.server.ts';
import { planSections } from '../../db/schema/index.ts';
import { addSections, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

const database = setupTestDatabase();
const server = setupTestPortal(database, { SEED_DEMO: 'never' });

async function planWithTwoVersions() {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const viewer = { id: staff.id, permissions: permissionsOf('admin', []) };
  const plan = await createPlan(database.db);
  const [section] = await addSections(database.db, plan.id, ['医疗资源配置']);
  await database.db
    .update(planSections)
    .set({ bodyMarkdown: '床位数不低于6张。' })
    .where(eq(planSections.id, section!.id));
  await updateSection(database.db, {
    planId: plan.id,
    sectionId: section!.id,
    fields: { level: 1, number: '第1章', heading: '医疗资源配置', bodyMarkdown: '床位数不低于7张。' },
    viewer,
    ip: '192.0.2.62',
  });
  await publishVersion(database.db, { planId: plan.id, note: '', viewer, ip: '192.0.2.62' });
  return plan;
}

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

test('versions and the comparison are public at stable addresses; the plan page names the current version', async () => {
  const plan = await planWithTwoVersions();
  const v1 = await (await get(`/plans/${plan.slug}/versions/1`)).text();
  expect(v1).toContain('床位数不低于6张。');
  expect(v1).toContain('这是历史版本。现行版本为第2版。');
  expect(await (await get(`/plans/${plan.slug}/versions/2`)).text()).toContain('床位数不低于7张。');
  const page = await (await get(`/plans/${plan.slug}`)).text();
  expect(page).toContain('现行版本：第2版');
  expect(page).not.toContain('尚未发布为新版本的修改');
  await database.db
    .update(planSections)
    .set({ bodyMarkdown: '床位数不低于8张。' })
    .where(eq(planSections.planId, plan.id));
  expect(await (await get(`/plans/${plan.slug}`)).text()).toContain('本页文本含有第2版之后尚未发布为新版本的修改。');
  expect(await (await get(`/plans/${plan.slug}/versions/2`)).text()).toContain('床位数不低于7张。');
  const compare = await (await get(`/plans/${plan.slug}/compare`)).text();
  expect(compare).toMatch(/<del>.*6.*<\/del>/);
  expect(compare).toMatch(/<ins>.*7.*<\/ins>/);
  const docx = await get(`/plans/${plan.slug}/compare/docx?from=1&to=2`);
  expect(docx.status).toBe(200);
  expect(docx.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent('修改对照表-第1版至第2版.docx'));
});

test('bad addresses give 404s, a reversed pair is put in order, the same version twice is explained', async () => {
  const plan = await planWithTwoVersions();
  const draft = await createPlan(database.db, { status: 'draft' });
  for (const path of [
    `/plans/${plan.slug}/versions/3`,
    `/plans/${plan.slug}/versions/0`,
    `/plans/${plan.slug}/versions/abc`,
    `/plans/${draft.slug}/versions/1`,
    `/plans/${plan.slug}/compare?from=1&to=9`,
    `/plans/${plan.slug}/compare?from=x`,
    `/plans/${plan.slug}/compare/docx?from=2&to=2`,
    `/plans/nope/compare`,
  ]) {
    const response = await get(path);
    expect(response.status, path).toBe(404);
    await response.body?.cancel();
  }
  const reversed = await get(`/plans/${plan.slug}/compare?from=2&to=1`);
  expect(reversed.status).toBe(302);
  expect(reversed.headers.get('location')).toBe(`/plans/${plan.slug}/compare?from=1&to=2`);
  const same = await get(`/plans/${plan.slug}/compare?from=2&to=2`);
  expect(same.status).toBe(400);
  expect(await same.text()).toContain('请选择两个不同的版本。');
  const none = await get(`/plans/${draft.slug}/compare`);
  expect(none.status).toBe(404);
  const single = await createPlan(database.db);
  const noVersions = await get(`/plans/${single.slug}/compare`);
  expect(noVersions.status).toBe(200);
  expect(await noVersions.text()).toContain('该规划尚无修订版本。');
});
