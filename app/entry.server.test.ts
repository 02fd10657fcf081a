import { expect, test } from 'vitest';
import { describeError, handleError } from './entry.server.tsx';

test('a failed query is logged by message, name and code, never with its parameters', () => {
  const error = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
    name: 'PostgresError',
    code: '23505',
    parameters: ['张三', '13812345678'],
    detail: 'Key (phone)=(13812345678) already exists.',
  });
  const described = describeError(error);
  expect(described).toEqual({ name: 'PostgresError', message: 'duplicate key value violates unique constraint "x"', code: '23505' });
  expect(JSON.stringify(described)).not.toContain('13812345678');
});

test('request errors go to the request logger; aborted requests are not errors', () => {
  const logged: unknown[] = [];
  const context = { log: { error: (entry: unknown) => logged.push(entry) } };
  const request = new Request('http://localhost/plans/x?phone=13812345678');
  handleError(new Error('boom'), { request, context, params: {} } as never);
  expect(logged).toEqual([{ err: { name: 'Error', message: 'boom' }, method: 'GET', path: '/plans/x' }]);
  const aborted = new AbortController();
  aborted.abort();
  handleError(new Error('gone'), { request: new Request('http://localhost/', { signal: aborted.signal }), context, params: {} } as never);
  expect(logged).toHaveLength(1);
});
