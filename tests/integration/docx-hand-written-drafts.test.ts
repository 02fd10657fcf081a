import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { formatOutline } from '../../app/domain/plans/docx/format-outline.ts';
import { readDocxDraft } from '../../app/domain/plans/import-docx.server.ts';

// Word files written by hand for `npm test` (tests/fixtures/docx/generated/README.md):
// no project code made them. Real drafts by others may not be committed; they
// are tested by `npm run test:third-party` (tests/third-party/docx-real-drafts.test.ts).
const generated = 'tests/fixtures/docx/generated';

function expected(name: string): string[] {
  return readFileSync(`${generated}/${name}.outline.txt`, 'utf8').trimEnd().split('\n');
}

// No real draft we could find numbers its chapters with lvlText 第%1章 or sets
// w:outlineLvl on a bare paragraph; this file was written by hand as XML and
// zipped with the zip tool (tests/fixtures/docx/generated/README.md).
test('chinese-chapter-numbering (hand-written): 第%1章/第%2节 in chineseCounting from a style chain, numId 0, 「总　　则」, mc:AlternateContent read once, a direct outline level', async () => {
  const generated = 'tests/fixtures/docx/generated/chinese-chapter-numbering';
  const draft = await readDocxDraft(readFileSync(`${generated}.docx`));
  expect(formatOutline(draft.sections)).toEqual(readFileSync(`${generated}.outline.txt`, 'utf8').trimEnd().split('\n'));
  expect(draft.preamble).toBe('某市“十四五”城市更新规划（征求意见稿）');
});

test('legal-hierarchy (hand-written): typed 编 › 分编 › 章 › 节 in plain paragraphs, 章 one level lower inside a 分编, 条 stay body text', async () => {
  const draft = await readDocxDraft(readFileSync(`${generated}/legal-hierarchy.docx`));
  expect(formatOutline(draft.sections)).toEqual(expected('legal-hierarchy'));
  expect(draft.preamble).toBe('某市城市管理条例（草案）');
  const outdoorAds = draft.sections.find((s) => s.number === '第二节' && s.heading === '户外广告')!;
  expect(outdoorAds.level).toBe(4);
  expect(outdoorAds.bodyMarkdown).toBe('第五条 设置户外广告应当符合规划。');
});

test('npm run draft:outline prints the same outline as the upload preview, and nothing else', async () => {
  for (const file of ['chinese-chapter-numbering', 'legal-hierarchy']) {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/draft-outline.ts',
      `${generated}/${file}.docx`,
    ]);
    const preview = formatOutline((await readDocxDraft(readFileSync(`${generated}/${file}.docx`))).sections);
    expect(stdout).toBe(`${preview.join('\n')}\n`);
    expect(stdout.trimEnd().split('\n')).toEqual(expected(file));
    expect(stderr).toBe('');
  }
});

test('draft:outline on a file that is not a Word document prints nothing on stdout and says why on stderr', async () => {
  const result = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    'scripts/draft-outline.ts',
    'README.md',
  ]).catch((error: { code: number; stdout: string; stderr: string }) => error);
  expect(result).toMatchObject({ code: 1, stdout: '' });
  expect(result.stderr).toContain('无法读取该文件，请上传 .docx 格式的 Word 文档。');
});
