import { expect, test } from 'vitest';
import { chinaDayStart, fromChinaLocalInput, toChinaLocalInput } from './china-time.ts';

test('datetime-local values are Beijing time, both ways', () => {
  const date = fromChinaLocalInput('2026-01-15T08:30')!;
  expect(date.toISOString()).toBe('2026-01-15T00:30:00.000Z');
  expect(toChinaLocalInput(date)).toBe('2026-01-15T08:30');
  expect(fromChinaLocalInput('15/01/2026')).toBeNull();
  expect(chinaDayStart('2026-01-15')!.toISOString()).toBe('2026-01-14T16:00:00.000Z');
});
