import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { formatOutline } from '../../app/domain/plans/docx/format-outline.ts';
import { readDocxDraft } from '../../app/domain/plans/import-docx.server.ts';
import { thirdPartyDrafts } from './docx-files.ts';
import { thirdPartyFolder } from './fixtures-dir.ts';

// Real drafts that no one on this project wrote, not committed: sources,
// licences and sha256 are in tests/third-party/README.md; how each expected
// outline (committed, next to this file in docx/) was checked is in
// tests/third-party/docx/README.md.
const dir = thirdPartyFolder('docx', thirdPartyDrafts);
const outlines = 'tests/third-party/docx';
const drafts = [
  {
    file: 'nbt-psr-part1-draft',
    covers:
      'GB/T 1.1 clauses from numbering.xml (%1.%2), styles based on styles, numId 0 with typed numbers, 附录A from upperLetter, a TOC field, a cover page, 目　　次 and the standard name as title',
  },
  {
    file: 'nbt-psr-part6-draft',
    covers: 'a w:sdt table of contents, a style that inherits its numId through basedOn, mc:AlternateContent',
  },
  {
    file: 'nbt-psr-part1-explanatory-note',
    covers:
      'japaneseCounting %1、 numbering, typed 二、 and 1、, the title inside a table, numbered list items that stay body text',
  },
  {
    file: 'civil-code',
    covers:
      '编 / 分编 / 章 / 节 with 分编 skipped in most 编, a typed 目录 repeating the headings, 「附则」, an HTML altChunk',
  },
  { file: 'legislation-law', covers: '章 / 节 in <h2> of an HTML altChunk, a typed 目录 of links' },
  {
    file: 'docling-headers-numbered',
    covers:
      'built-in Heading 1–3, a numId on the paragraph and on the style, a level used before its parent (2 › 2.1.1 › 2.2), a Title',
  },
];

function load(name: string): Buffer {
  return readFileSync(`${dir}/${name}.docx`);
}

function expected(name: string): string[] {
  return readFileSync(`${outlines}/${name}.outline.txt`, 'utf8').trimEnd().split('\n');
}

for (const { file, covers } of drafts) {
  test(`${file}: the import splits at the outline checked by hand (${covers})`, async () => {
    const draft = await readDocxDraft(load(file));
    expect(formatOutline(draft.sections)).toEqual(expected(file));
  });
}

test('npm run draft:outline prints the same outline as the upload preview, and nothing else', async () => {
  for (const file of ['nbt-psr-part1-draft', 'civil-code']) {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/draft-outline.ts',
      `${dir}/${file}.docx`,
    ]);
    const preview = formatOutline((await readDocxDraft(load(file))).sections);
    expect(stdout).toBe(`${preview.join('\n')}\n`);
    expect(stdout.trimEnd().split('\n')).toEqual(expected(file));
    expect(stderr).toBe('');
  }
});

test('the civil code keeps its articles in the body of their chapter or section, under the right heading', async () => {
  const { sections } = await readDocxDraft(load('civil-code'));
  const guardianship = sections.find((s) => s.number === '第二节' && s.heading === '监护')!;
  expect(guardianship.level).toBe(3);
  expect(guardianship.bodyMarkdown).toMatch(/^第二十六条 父母对未成年子女负有抚养、教育和保护的义务。/);
  expect(sections.at(-1)).toMatchObject({ level: 1, number: '', heading: '附则' });
  expect(sections.at(-1)!.bodyMarkdown).toMatch(/第一千二百六十条/);
});

test('the explanatory note keeps its numbered list items as body text with the number a reader sees', async () => {
  const { sections } = await readDocxDraft(load('nbt-psr-part1-explanatory-note'));
  const main = sections.find((s) => s.heading === '主要技术内容的说明')!;
  expect(main.bodyMarkdown).toContain('1）引入差异项定义');
  expect(main.bodyMarkdown).toContain('2）确定PSR评价范围时');
});
