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
  expect(described).toEqual({
    name: 'PostgresError',
    message: 'duplicate key value violates unique constraint "x"',
    code: '23505',
  });
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
  handleError(new Error('gone'), {
    request: new Request('http://localhost/', { signal: aborted.signal }),
    context,
    params: {},
  } as never);
  expect(logged).toHaveLength(1);
});

test('a query error wrapped by Drizzle is logged without its statement or parameters; secret paths are masked', () => {
  const driver = Object.assign(new Error('null value in column "raw" violates not-null constraint'), {
    name: 'PostgresError',
    code: '23502',
  });
  const wrapped = new Error(
    'Failed query: insert into "inbound_emails" ("raw") values ($1)\nparams: From: 张三 <zhang@example.edu.cn>',
    { cause: driver },
  );
  const logged: unknown[] = [];
  const context = { log: { error: (entry: unknown) => logged.push(entry) } };
  handleError(wrapped, {
    request: new Request('http://localhost/rate/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'),
    context,
    params: {},
  } as never);
  expect(logged).toEqual([
    {
      err: { name: 'PostgresError', code: '23502', message: 'null value in column "raw" violates not-null constraint' },
      method: 'GET',
      path: '/rate/:secret',
    },
  ]);
  expect(JSON.stringify(logged)).not.toContain('zhang@example.edu.cn');
});

test('a connection failure is recognised from its code, through Drizzle’s wrapper; a bad query is not one', async () => {
  const { isDatabaseConnectionError } = await import('./server/database-unavailable.ts');
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  expect(isDatabaseConnectionError(new Error('Failed query: select 1', { cause: refused }))).toBe(true);
  expect(
    isDatabaseConnectionError(Object.assign(new Error('the database system is starting up'), { code: '57P03' })),
  ).toBe(true);
  expect(
    isDatabaseConnectionError(Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' })),
  ).toBe(true);
  expect(isDatabaseConnectionError(Object.assign(new Error('terminating connection'), { code: '08006' }))).toBe(true);
  expect(isDatabaseConnectionError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  expect(isDatabaseConnectionError(new Error('boom'))).toBe(false);
});

test('a request that failed on the connection is a 503 even when the database is back by the time it is answered', async () => {
  // The race behind the database-restart fault test's rare 500s: the query
  // failed while PostgreSQL was down, the probe ran after it came back.
  const { databaseUnavailableResponse, noteRequestFailure } = await import('./server/database-unavailable.ts');
  const healthyAgain = () => ({ db: { execute: async () => [] }, log: { warn: () => {}, error: () => {} } });
  const request = new Request('http://localhost/plans/x');
  const failedOnConnection = healthyAgain();
  noteRequestFailure(failedOnConnection, Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  expect((await databaseUnavailableResponse(request, failedOnConnection as never))?.status).toBe(503);
  const failedOtherwise = healthyAgain();
  noteRequestFailure(failedOtherwise, new Error('a bug'));
  expect(await databaseUnavailableResponse(request, failedOtherwise as never)).toBeUndefined();
});
