import { expect, test } from 'vitest';
import { parseSearch } from './parse-search.ts';

test('words are ANDed, OR joins neighbours, minus excludes, quotes keep a phrase', () => {
  expect(parseSearch('食堂 -宿舍 "延长 营业时间" OR 夜宵')).toEqual({
    groups: [
      [{ text: '食堂', phrase: false }],
      [
        { text: '延长 营业时间', phrase: true },
        { text: '夜宵', phrase: false },
      ],
    ],
    excluded: [{ text: '宿舍', phrase: false }],
  });
});

test('Chinese and full-width quotes and a full-width minus work too', () => {
  expect(parseSearch('“师资队伍” －职称 「人才引进」')).toEqual({
    groups: [[{ text: '师资队伍', phrase: true }], [{ text: '人才引进', phrase: true }]],
    excluded: [{ text: '职称', phrase: false }],
  });
});

test('a leading or dangling OR, a lone minus and empty quotes are ignored', () => {
  expect(parseSearch('OR 食堂 OR')).toEqual({ groups: [[{ text: '食堂', phrase: false }]], excluded: [] });
  expect(parseSearch(' - "" 教师 ')).toEqual({ groups: [[{ text: '教师', phrase: false }]], excluded: [] });
  expect(parseSearch('or 食堂').groups).toHaveLength(2);
});

test('an unclosed quote runs to the end; at most 20 terms are read', () => {
  expect(parseSearch('"校园 网络').groups).toEqual([[{ text: '校园 网络', phrase: true }]]);
  expect(parseSearch(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).groups).toHaveLength(20);
});
