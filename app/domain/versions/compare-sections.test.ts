import { expect, test } from 'vitest';
import { compareSections, headingSimilarity, isChange, type VersionSection } from './compare-sections.ts';

const section = (
  sectionKey: number,
  heading: string,
  bodyMarkdown = `${heading}的内容。`,
  number = '',
): VersionSection => ({ sectionKey, position: 0, level: 2, number, heading, bodyMarkdown });
const summary = (rows: ReturnType<typeof compareSections>) =>
  rows.map((r) => `${r.kind}${r.moved ? '+moved' : ''}:${r.key}`);

test('unchanged, modified, added and removed sections are told apart by key, in the new order', () => {
  const before = [
    section(1, '总体要求'),
    section(2, '人才培养', '床位不低于6张。'),
    section(3, '科学研究'),
    section(4, '社会服务'),
  ];
  const after = [
    section(1, '总体要求'),
    section(2, '人才培养', '床位不低于7张。'),
    section(5, '国际交流'),
    section(4, '社会服务'),
  ];
  const rows = compareSections(before, after);
  expect(summary(rows)).toEqual(['unchanged:1', 'modified:2', 'removed:3', 'added:5', 'unchanged:4']);
  expect(rows[1]!.body.filter((op) => op.op !== 'equal')).toEqual([
    { op: 'delete', text: '6' },
    { op: 'insert', text: '7' },
  ]);
  expect(rows.filter(isChange).map((r) => r.key)).toEqual([2, 3, 5]);
});

test('a moved section is shown as moved, the others keep their places', () => {
  const before = [section(1, '一'), section(2, '二'), section(3, '三'), section(4, '四')];
  const after = [section(1, '一'), section(3, '三'), section(4, '四'), section(2, '二')];
  const rows = compareSections(before, after);
  expect(summary(rows)).toEqual(['unchanged:1', 'unchanged:3', 'unchanged:4', 'unchanged+moved:2']);
  expect(rows.filter(isChange).map((r) => r.key)).toEqual([2]);
});

test('a moved and edited section is both moved and modified', () => {
  const before = [
    section(1, '加强师资队伍建设', '引进高层次人才。'),
    section(2, '完善治理体系'),
    section(3, '加强党的建设'),
  ];
  const after = [
    section(2, '完善治理体系'),
    section(3, '加强党的建设'),
    section(1, '加强师资队伍建设', '引进和培养高层次人才。'),
  ];
  expect(summary(compareSections(before, after))).toEqual(['unchanged:2', 'unchanged:3', 'modified+moved:1']);
});

test('a renumbered section with the same text is not a change', () => {
  const rows = compareSections([section(1, '科学研究', '内容。', '二、')], [section(1, '科学研究', '内容。', '三、')]);
  expect(rows[0]!.kind).toBe('unchanged');
});

test('sections re-imported from Word (new keys) are paired by similar headings', () => {
  const before = [
    section(1, '深化人才培养模式改革', '旧文。'),
    section(2, '提升科学研究与创新能力'),
    section(3, '扩大对外开放'),
  ];
  const after = [
    section(11, '深化人才培养模式改革', '新文。'),
    section(12, '提升科学研究和创新能力'),
    section(13, '建设高水平后勤保障体系'),
  ];
  const rows = compareSections(before, after);
  expect(summary(rows)).toEqual(['modified:11', 'modified:12', 'removed:3', 'added:13']);
  expect(rows[0]!.keys).toEqual([11, 1]);
  expect(headingSimilarity('提升科学研究与创新能力', '提升科学研究和创新能力')).toBeGreaterThan(0.6);
  expect(headingSimilarity('扩大对外开放', '建设高水平后勤保障体系')).toBe(0);
});

test('Traditional-script sections compare character by character', () => {
  const rows = compareSections(
    [section(1, '醫療衛生', '每千人口床位數不低於6張。')],
    [section(1, '醫療衛生', '每千人口床位數不低於7張。')],
  );
  expect(rows[0]!.kind).toBe('modified');
  expect(rows[0]!.body.filter((op) => op.op !== 'equal').map((op) => op.text)).toEqual(['6', '7']);
});
