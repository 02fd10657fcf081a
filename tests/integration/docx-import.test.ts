import { expect, test } from 'vitest';
import { readDocxDraft } from '../../app/domain/plans/import-docx.server.ts';
import { parseDraft } from '../../app/domain/plans/parse-draft.ts';
import { buildDocx } from '../fixtures/build-docx.ts';
import { writeZip } from '../fixtures/write-zip.ts';
import { DocxReadError } from '../../app/domain/plans/import-docx.server.ts';
import { translator } from '../../app/i18n/index.ts';

const draftParagraphs = [
  '南湖大学“十四五”事业发展规划（征求意见稿）',
  '本规划依据学校章程编制。',
  '第一章 发展基础',
  '“十三五”时期学校取得显著成绩。',
  '一、主要成就',
  '办学条件持续改善。',
  '（一）人才培养',
  '获批国家级一流本科专业建设点 12 个。',
  '- 这一行以连字符开头，不是列表。',
  '第二章　主要任务',
  '二、 学科建设：',
  '一、这是一句很长的句子，虽然以“一、”开头，但它显然是正文里的条目而不是标题，因为它超过了标题的长度上限。',
];

test('第X章 become level-1 sections, 一、 level 2 and （一） level 3, with the text between them as body', async () => {
  const draft = await readDocxDraft(buildDocx(draftParagraphs));
  expect(draft.preamble).toBe('南湖大学“十四五”事业发展规划（征求意见稿）\n\n本规划依据学校章程编制。');
  expect(draft.sections.map(({ level, number, heading }) => [level, number, heading])).toEqual([
    [1, '第一章', '发展基础'],
    [2, '一、', '主要成就'],
    [3, '（一）', '人才培养'],
    [1, '第二章', '主要任务'],
    [2, '二、', '学科建设'],
  ]);
  expect(draft.sections[2]!.bodyMarkdown).toBe(
    '获批国家级一流本科专业建设点 12 个。\n\n\\- 这一行以连字符开头，不是列表。',
  );
  expect(draft.sections[4]!.bodyMarkdown).toMatch(/^一、这是一句很长的句子/);
});

test('ASCII parentheses are read as full-width ones, and a draft without headings is all preamble', () => {
  expect(parseDraft(['(三) 校园建设']).sections).toEqual([
    { level: 1, number: '（三）', heading: '校园建设', bodyMarkdown: '' },
  ]);
  expect(parseDraft(['只有正文。', '没有标题。'])).toEqual({ sections: [], preamble: '只有正文。\n\n没有标题。' });
});

test('a file that is not a Word document is refused', async () => {
  await expect(readDocxDraft(Buffer.from('not a zip'))).rejects.toThrow();
});

test('a ZIP bomb posing as a .docx is refused from its central directory, with a sentence for the admin', async () => {
  // 30 MB of zeros deflate to about 30 KB: a ratio no Word file has.
  const bomb = writeZip([{ name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024) }]);
  expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
  const error = await readDocxDraft(bomb).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DocxReadError);
  expect((error as DocxReadError).problem).toBe('zip_bomb');
  expect(translator('zh-CN')('admin.error.zipBomb')).toMatch(/解压后过大/);
});
