import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { planSections } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { writeZip } from '../fixtures/write-zip.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import {
  expectFourLevelOutlinePages,
  importDraftAsOpenPlan,
  previewImport,
  previewOutlineLines,
} from './helpers/outline-pages.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database);

// A draft law four levels deep (编 › 分编 › 章 › 节, hand-written:
// tests/fixtures/docx/generated/README.md): the public pages must show all
// four, not fold them into two. The real civil code is tested the same way by
// `npm run test:third-party` (tests/third-party/deep-outline-civil-code.test.ts).
const legalHierarchy = 'tests/fixtures/docx/generated/legal-hierarchy';

test('a four-level outline is saved, and the table of contents, headings and section picker follow it', async () => {
  const plan = await importDraftAsOpenPlan(database, readFileSync(`${legalHierarchy}.docx`));
  await expectFourLevelOutlinePages(database, portal.url, plan);
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
test('the upload preview shows the outline that draft:outline prints, indented by level', async () => {
  const response = await previewImport(database, portal.url, readFileSync(`${legalHierarchy}.docx`));
  expect(response.status).toBe(200);
  expect(previewOutlineLines(await response.text())).toEqual(
    readFileSync(`${legalHierarchy}.outline.txt`, 'utf8').trimEnd().split('\n'),
  );
});

test('a ZIP bomb uploaded as a draft gets a sentence, not a server error', async () => {
  const response = await previewImport(
    database,
    portal.url,
    writeZip([{ name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024) }]),
  );
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('解压后过大');
});
