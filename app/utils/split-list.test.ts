import { expect, test } from 'vitest';
import { splitList } from './split-list.ts';

test('Chinese and Latin separators and line breaks all separate, spaces inside an item stay', () => {
  expect(splitList('师资，教师、人才引进;new engineering；食堂\n宿舍, 辅修')).toEqual([
    '师资',
    '教师',
    '人才引进',
    'new engineering',
    '食堂',
    '宿舍',
    '辅修',
  ]);
});

test('byWhitespace also splits on spaces (tracking codes)', () => {
  expect(splitList('JY-AB12  JY-CD34\tJY-EF56，JY-GH78', { byWhitespace: true })).toEqual([
    'JY-AB12',
    'JY-CD34',
    'JY-EF56',
    'JY-GH78',
  ]);
});

test('empty items and repeats are dropped, order is kept, max caps the count', () => {
  expect(splitList(' a ,, b 、a ; ; c ')).toEqual(['a', 'b', 'c']);
  expect(splitList('a, b, c, d', { max: 2 })).toEqual(['a', 'b']);
  expect(splitList('  ,，、 ')).toEqual([]);
});
