import { expect, test } from 'vitest';
import { diffText, sideText, type DiffOp } from './text-diff.ts';

const show = (ops: DiffOp[]) =>
  ops.map(({ op, text }) => (op === 'equal' ? text : op === 'delete' ? `[-${text}-]` : `{+${text}+}`)).join('');

test('an insertion in the middle of a Chinese sentence is marked exactly, with no whitespace to split on', () => {
  const before = '完善学分制和主辅修制度，扩大学生学习自主权。';
  const after = '完善学分制和主辅修制度，建设10个左右跨学科辅修专业，扩大学生学习自主权。';
  const ops = diffText(before, after);
  expect(show(ops)).toBe('完善学分制和主辅修制度，{+建设10个左右跨学科辅修专业，+}扩大学生学习自主权。');
  expect(sideText(ops, 'before')).toBe(before);
  expect(sideText(ops, 'after')).toBe(after);
});

test('a changed number is a one-character replacement: 不低于6张 → 不低于7张', () => {
  expect(diffText('每千人口床位数不低于6张。', '每千人口床位数不低于7张。')).toEqual([
    { op: 'equal', text: '每千人口床位数不低于' },
    { op: 'delete', text: '6' },
    { op: 'insert', text: '7' },
    { op: 'equal', text: '张。' },
  ]);
});

test('a deletion and an insertion in one sentence both show, the rest stays equal', () => {
  const ops = diffText(
    '加强实践教学和创新创业教育，建设实践教学基地60个。',
    '加强实践教学，建设实践教学基地80个，推进产教融合。',
  );
  expect(show(ops)).toBe('加强实践教学[-和创新创业教育-]，建设实践教学基地[-6-]{+8+}0个{+，推进产教融合+}。');
  expect(sideText(ops, 'after')).toBe('加强实践教学，建设实践教学基地80个，推进产教融合。');
});

test('short coincidental equalities inside a rewrite fold into one replacement', () => {
  const ops = diffText('推进新工科建设', '加强新师范培养');
  // 「新」 alone is common to both: showing it as kept would chop the phrase apart.
  expect(show(ops)).toBe('[-推进新工科建设-]{+加强新师范培养+}');
});

test('Traditional-script text diffs the same way, and a character outside the BMP is never split', () => {
  expect(show(diffText('每千人口床位數不低於6張。', '每千人口床位數不低於7張。'))).toBe(
    '每千人口床位數不低於[-6-]{+7+}張。',
  );
  const ops = diffText('𠮷野家開設分店', '𠮷野家開設兩家分店');
  expect(show(ops)).toBe('𠮷野家開設{+兩家+}分店');
  expect(sideText(diffText('𠮷', '𡈽'), 'before')).toBe('𠮷');
  expect(diffText('𠮷', '𡈽')).toEqual([
    { op: 'delete', text: '𠮷' },
    { op: 'insert', text: '𡈽' },
  ]);
});

test('identical texts give one equality, empty sides give a pure insertion or deletion', () => {
  expect(diffText('不变', '不变')).toEqual([{ op: 'equal', text: '不变' }]);
  expect(diffText('', '新增一节')).toEqual([{ op: 'insert', text: '新增一节' }]);
  expect(diffText('删除一节', '')).toEqual([{ op: 'delete', text: '删除一节' }]);
  expect(diffText('', '')).toEqual([]);
});

test('long texts with scattered edits keep both sides intact', () => {
  const before = Array.from({ length: 200 }, (_, i) => `第${i}条措施落实到位。`).join('');
  const after = before.replace('第50条', '第五十条').replace('第150条措施', '第150项举措');
  const ops = diffText(before, after);
  expect(sideText(ops, 'before')).toBe(before);
  expect(sideText(ops, 'after')).toBe(after);
  expect(ops.filter((op) => op.op !== 'equal').map((op) => op.text)).toEqual(['50', '五十', '条措施', '项举措']);
});
