import { expect, test } from 'vitest';
import { subjectHasMarker, titleFromSubject } from './subject-marker.ts';

const marker = "'十四五'规划意见建议";

test('the marker matches with any quote style, width, spacing or script, among other words', () => {
  for (const subject of [
    "'十四五'规划意见建议",
    '“十四五”规划意见建议——关于食堂',
    '‘十四五’规划意见建议',
    '「十四五」规划意见建议',
    '十四五规划意见建议',
    '关于 十四五 规划 意见建议 的来信',
    '＂十四五＂规划意见建议',
    '「十四五」規劃意見建議 宿舍熱水',
    'Re: 转发: "十四五"规划意见建议',
  ]) {
    expect(subjectHasMarker(subject, marker), subject).toBe(true);
  }
});

test('other subjects do not match', () => {
  expect(subjectHasMarker('十三五规划意见建议', marker)).toBe(false);
  expect(subjectHasMarker('关于校庆的问题', marker)).toBe(false);
  expect(subjectHasMarker('规划意见', marker)).toBe(false);
});

test('the title is the subject without prefixes, the marker and wrapping brackets', () => {
  expect(titleFromSubject("'十四五'规划意见建议——关于食堂夜宵", marker)).toBe('关于食堂夜宵');
  expect(titleFromSubject('答复: “十四五”规划意见建议（科研评价）', marker)).toBe('科研评价');
  expect(titleFromSubject('转发: 十四五规划意见建议 合作办学', marker)).toBe('合作办学');
  expect(titleFromSubject('「十四五」規劃意見建議 宿舍熱水', marker)).toBe('宿舍熱水');
  expect(titleFromSubject("'十四五'规划意见建议", marker)).toBe('');
});
