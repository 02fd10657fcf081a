import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { permissionsOf } from '../../../app/domain/authorization/permissions.ts';
import { readDocxDraft } from '../../../app/domain/plans/import-docx.server.ts';
import { replaceSections } from '../../../app/domain/plans/manage-sections.server.ts';
import { planSections, plans } from '../../../db/schema/index.ts';
import { createPlan } from '../../factories/plans.ts';
import { createStaff, signIn } from '../../factories/staff.ts';
import type { TestDatabase } from '../../setup/test-database.ts';

// Shared by the hand-written draft law (npm test) and the real civil code
// (npm run test:third-party): the same checks, so the two cannot drift apart.

/** Imports a Word draft as an admin would, then opens the plan to the public. */
export async function importDraftAsOpenPlan(database: TestDatabase, bytes: Buffer) {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const viewer = { id: staff.id, permissions: permissionsOf('admin', []) };
  const plan = await createPlan(database.db, { status: 'draft' });
  const draft = await readDocxDraft(bytes);
  expect(
    await replaceSections(database.db, { planId: plan.id, sections: draft.sections, viewer, ip: '192.0.2.1' }),
  ).toEqual({ ok: true });
  await database.db.update(plans).set({ status: 'open' }).where(eq(plans.id, plan.id));
  return plan;
}

/**
 * A 编 › 分编 › 章 › 节 outline is saved at four levels, and the table of
 * contents, headings and the form's section picker all follow it.
 */
export async function expectFourLevelOutlinePages(
  database: TestDatabase,
  portalUrl: string,
  plan: { id: number; slug: string },
) {
  const saved = await database.db.select().from(planSections).where(eq(planSections.planId, plan.id));
  expect(new Set(saved.map((s) => s.level))).toEqual(new Set([1, 2, 3, 4]));
  const deep = saved.find((s) => s.level === 4 && s.number === '第一节' && s.heading === '一般规定')!;

  const page = await (await fetch(`${portalUrl}/plans/${plan.slug}`)).text();
  expect(page).toContain('toc__item toc__item--level4');
  expect(page).toMatch(new RegExp(`<h5 id="h-${deep.id}">`));

  const form = await (await fetch(`${portalUrl}/plans/${plan.slug}/suggest`)).text();
  // Three full-width spaces before a level-4 option: its place in the outline.
  expect(form).toMatch(
    new RegExp(
      `<option value="${deep.id}">\u3000\u3000\u3000(<!-- -->)?第一节(<!-- -->)? (<!-- -->)?一般规定</option>`,
    ),
  );
}

/** Uploads a draft to the import preview over HTTP, as an admin does. */
export async function previewImport(database: TestDatabase, portalUrl: string, bytes: Buffer) {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const cookie = `jianyan_staff=${await signIn(database.db, staff.id)}`;
  const plan = await createPlan(database.db, { status: 'draft' });
  const form = new FormData();
  form.set('intent', 'preview');
  form.set(
    'file',
    new File([new Uint8Array(bytes)], 'draft.docx', {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
  );
  return fetch(`${portalUrl}/admin/plans/${plan.id}/import`, {
    method: 'POST',
    body: form,
    headers: { cookie, origin: portalUrl },
    redirect: 'manual',
  });
}

/** The preview's outline as `npm run draft:outline` prints it: two spaces per level. */
export function previewOutlineLines(html: string) {
  return [
    ...html.replace(/<!-- -->/g, '').matchAll(/<li class="edit-list__item--level(\d)"><strong>([^<]*)<\/strong>/g),
  ].map(([, level, text]) => `${'  '.repeat(Number(level) - 1)}${text!.trim().replace(/&amp;/g, '&')}`);
}
