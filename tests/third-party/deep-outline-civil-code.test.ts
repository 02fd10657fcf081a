import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { setupTestDatabase } from '../setup/test-database.ts';
import {
  expectFourLevelOutlinePages,
  importDraftAsOpenPlan,
  previewImport,
  previewOutlineLines,
} from '../integration/helpers/outline-pages.ts';
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
test('the civil code: a four-level outline is saved, and the table of contents, headings and section picker follow it', async () => {
  const plan = await importDraftAsOpenPlan(database, readFileSync(`${dir}/civil-code.docx`));
  await expectFourLevelOutlinePages(database, portal.url, plan);
});

// The upload preview, over HTTP as an admin uses it, lists the same outline as
// `npm run draft:outline` prints for the file (docx-real-drafts.test.ts).
test('a real NB/T draft: the upload preview shows the outline that draft:outline prints, indented by level', async () => {
  const response = await previewImport(database, portal.url, readFileSync(`${dir}/nbt-psr-part1-draft.docx`));
  expect(response.status).toBe(200);
  expect(previewOutlineLines(await response.text())).toEqual(
    readFileSync('tests/third-party/docx/nbt-psr-part1-draft.outline.txt', 'utf8').trimEnd().split('\n'),
  );
});
