import { expect, test } from 'vitest';
import { fingerprint, jaccard } from './fingerprint.ts';

const letter =
  '我们强烈建议学校在新校区规划中增建一座学生食堂。目前老校区食堂高峰时段排队时间超过二十分钟。新校区学生人数将增加三千人。';

test('Traditional, full-width and punctuation differences do not change the fingerprint', () => {
  const simplified = fingerprint('食堂建议', letter);
  const traditional = fingerprint(
    '食堂建議',
    '我們強烈建議學校在新校區規劃中增建一座學生食堂！目前老校區食堂高峰時段排隊時間超過二十分鐘，新校區學生人數將增加三千人',
  );
  expect(jaccard(simplified.shingles, traditional.shingles)).toBe(1);
  expect(simplified.bands).toEqual(traditional.bands);
});

test('reordered sentences stay similar; an unrelated text that shares words does not', () => {
  const reordered =
    '新校区学生人数将增加三千人。我们强烈建议学校在新校区规划中增建一座学生食堂。目前老校区食堂高峰时段排队时间超过二十分钟。';
  const unrelated = '建议学校在新校区规划中预留体育场地，学生人数增加后操场明显不够用，周末经常没有场地打球。';
  const a = fingerprint('食堂建议', letter).shingles;
  expect(jaccard(a, fingerprint('食堂建议', reordered).shingles)).toBeGreaterThan(0.8);
  expect(jaccard(a, fingerprint('体育场地', unrelated).shingles)).toBeLessThan(0.25);
});

test('similar texts share an LSH band, so the index finds them', () => {
  const a = fingerprint('', letter).bands;
  const b = fingerprint('', letter.replace('二十分钟', '半小时')).bands;
  expect(a).toHaveLength(32);
  expect(a.some((key, i) => key === b[i])).toBe(true);
});

test('empty and very short texts', () => {
  expect(fingerprint('', '').bands).toEqual([]);
  expect(jaccard(fingerprint('', '支持').shingles, fingerprint('', '支持！').shingles)).toBe(1);
});
