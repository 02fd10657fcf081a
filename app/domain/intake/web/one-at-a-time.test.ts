import { expect, test } from 'vitest';
import { oneAtATime } from './one-at-a-time.ts';

test('tasks with one key run one after another; other keys do not wait', async () => {
  const log: string[] = [];
  const slow = (name: string, ms: number) => async () => {
    log.push(`${name} start`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    log.push(`${name} end`);
    return name;
  };
  const results = await Promise.all([
    oneAtATime('a', slow('a1', 40)),
    oneAtATime('a', slow('a2', 1)),
    oneAtATime('b', slow('b1', 1)),
  ]);
  expect(results).toEqual(['a1', 'a2', 'b1']);
  expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
  expect(log.indexOf('b1 end')).toBeLessThan(log.indexOf('a1 end'));
});

test('a failed task does not block the next one with its key', async () => {
  await expect(oneAtATime('c', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(await oneAtATime('c', async () => 'next')).toBe('next');
});
