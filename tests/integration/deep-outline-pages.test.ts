import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { replaceSections } from '../../app/domain/plans/manage-sections.server.ts';
import { readDocxDraft } from '../../app/domain/plans/import-docx.server.ts';
import { planSections, plans } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { writeZip } from '../fixtures/write-zip.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database);

// A draft law four levels deep (编 › 分编 › 章 › 节, hand-written:
// tests/fixtures/docx/generated/README.md): the public pages must show all
// four, not fold them into two. The real civil code is tested the same way by
// `npm run test:third-party` (tests/third-party/deep-outline-civil-code.test.ts).
const legalHierarchy = 'tests/fixtures/docx/generated/legal-hierarchy';

async function importDeepDraft() {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const viewer = { id: staff.id, permissions: permissionsOf('admin', []) };
  const plan = await createPlan(database.db, { status: 'draft' });
  const draft = await readDocxDraft(readFileSync(`${legalHierarchy}.docx`));
  expect(
    await replaceSections(database.db, { planId: plan.id, sections: draft.sections, viewer, ip: '192.0.2.1' }),
  ).toEqual({ ok: true });
  await database.db.update(plans).set({ status: 'open' }).where(eq(plans.id, plan.id));
  return plan;
}

test('a four-level outline is saved, and the table of contents, headings and section picker follow it', async () => {
  const plan = await importDeepDraft();
  const saved = await database.db.select().from(planSections).where(eq(planSections.planId, plan.id));
  expect(new Set(saved.map((s) => s.level))).toEqual(new Set([1, 2, 3, 4]));
  const deep = saved.find((s) => s.level === 4 && s.number === '第一节' && s.heading === '一般规定')!;

  const page = await (await fetch(`${portal.url}/plans/${plan.slug}`)).text();
  expect(page).toContain('toc__item toc__item--level4');
  expect(page).toMatch(new RegExp(`<h5 id="h-${deep.id}">`));

  const form = await (await fetch(`${portal.url}/plans/${plan.slug}/suggest`)).text();
  // Three full-width spaces before a level-4 option: its place in the outline.
  expect(form).toMatch(
    new RegExp(
      `<option value="${deep.id}">\u3000\u3000\u3000(<!-- -->)?第一节(<!-- -->)? (<!-- -->)?一般规定</option>`,
    ),
  );
});

test('the database accepts levels 1 to 6 and nothing deeper', async () => {
  const plan = await createPlan(database.db);
  await database.db.insert(planSections).values({ planId: plan.id, position: 0, level: 6, heading: '5.1.1.1.1.1' });
  await expect(
    database.db.insert(planSections).values({ planId: plan.id, position: 1, level: 7, heading: '太深' }),
  ).rejects.toMatchObject({ cause: { constraint_name: 'plan_sections_level' } });
});

// The upload preview, over HTTP as an admin uses it, lists the same outline as
// `npm run draft:outline` prints for the file (docx-hand-written-drafts.test.ts).
async function preview(bytes: Buffer) {
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
  return fetch(`${portal.url}/admin/plans/${plan.id}/import`, {
    method: 'POST',
    body: form,
    headers: { cookie, origin: portal.url },
    redirect: 'manual',
  });
}

test('the upload preview shows the outline that draft:outline prints, indented by level', async () => {
  const response = await preview(readFileSync(`${legalHierarchy}.docx`));
  expect(response.status).toBe(200);
  const html = (await response.text()).replace(/<!-- -->/g, '');
  const lines = [...html.matchAll(/<li class="edit-list__item--level(\d)"><strong>([^<]*)<\/strong>/g)].map(
    ([, level, text]) => `${'  '.repeat(Number(level) - 1)}${text!.trim().replace(/&amp;/g, '&')}`,
  );
  expect(lines).toEqual(readFileSync(`${legalHierarchy}.outline.txt`, 'utf8').trimEnd().split('\n'));
});

test('a ZIP bomb uploaded as a draft gets a sentence, not a server error', async () => {
  const response = await preview(writeZip([{ name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024) }]));
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('解压后过大');
});
