import { expect, test } from 'vitest';
import { mentionedStaff } from './notes.server.ts';

const staff = [
  { id: 1, name: '王小' },
  { id: 2, name: '王小明' },
  { id: 3, name: '李华' },
  { id: 4, name: '李华' },
];

test('the longest name wins, and namesakes are all mentioned', () => {
  expect(mentionedStaff('请 @王小明 和 @李华 看看', staff).sort()).toEqual([2, 3, 4]);
  expect(mentionedStaff('@王小 你好', staff)).toEqual([1]);
  expect(mentionedStaff('没有提及 王小明', staff)).toEqual([]);
});
