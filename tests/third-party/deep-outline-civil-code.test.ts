import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { replaceSections } from '../../app/domain/plans/manage-sections.server.ts';
import { readDocxDraft } from '../../app/domain/plans/import-docx.server.ts';
import { planSections, plans } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from '../integration/helpers/test-portal.ts';
import { thirdPartyDrafts } from './docx-files.ts';
import { thirdPartyFolder } from './fixtures-dir.ts';

const dir = thirdPartyFolder('docx', thirdPartyDrafts);

const database = setupTestDatabase();
const portal = setupTestPortal(database);

// The real civil code (not committed: tests/third-party/README.md) goes four
// levels deep (编 › 分编 › 章 › 节): the public pages must show all four, not
// fold them into two. `npm test` proves the same on a hand-written draft law
// (tests/integration/deep-outline-pages.test.ts).
async function importCivilCode() {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const viewer = { id: staff.id, permissions: permissionsOf('admin', []) };
  const plan = await createPlan(database.db, { status: 'draft' });
  const draft = await readDocxDraft(readFileSync(`${dir}/civil-code.docx`));
  expect(
    await replaceSections(database.db, { planId: plan.id, sections: draft.sections, viewer, ip: '192.0.2.1' }),
  ).toEqual({ ok: true });
  await database.db.update(plans).set({ status: 'open' }).where(eq(plans.id, plan.id));
  return plan;
}

test('the civil code: a four-level outline is saved, and the table of contents, headings and section picker follow it', async () => {
  const plan = await importCivilCode();
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

// The upload preview, over HTTP as an admin uses it, lists the same outline as
// `npm run draft:outline` prints for the file (docx-real-drafts.test.ts).
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

test('a real NB/T draft: the upload preview shows the outline that draft:outline prints, indented by level', async () => {
  const response = await preview(readFileSync(`${dir}/nbt-psr-part1-draft.docx`));
  expect(response.status).toBe(200);
  const html = (await response.text()).replace(/<!-- -->/g, '');
  const lines = [...html.matchAll(/<li class="edit-list__item--level(\d)"><strong>([^<]*)<\/strong>/g)].map(
    ([, level, text]) => `${'  '.repeat(Number(level) - 1)}${text!.trim().replace(/&amp;/g, '&')}`,
  );
  expect(lines).toEqual(
    readFileSync('tests/third-party/docx/nbt-psr-part1-draft.outline.txt', 'utf8').trimEnd().split('\n'),
  );
});
