import { expect, test } from 'vitest';
import { wilsonInterval } from './wilson-interval.ts';

test('matches published Wilson intervals', () => {
  // Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3: 81/263 → 0.2553–0.3662.
  const { low, high } = wilsonInterval(81, 263);
  expect(low).toBeCloseTo(0.2553, 3);
  expect(high).toBeCloseTo(0.3662, 3);
  // 15/148 → 0.0624–0.1605 (same table).
  const second = wilsonInterval(15, 148);
  expect(second.low).toBeCloseTo(0.0624, 3);
  expect(second.high).toBeCloseTo(0.1605, 3);
});

test('stays inside [0, 1] at the edges', () => {
  expect(wilsonInterval(0, 30).low).toBe(0);
  expect(wilsonInterval(30, 30).high).toBe(1);
  expect(wilsonInterval(30, 30).low).toBeGreaterThan(0.88);
  expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
});
