import { expect, test } from 'vitest';
import { safeErrorMessage } from './safe-error.ts';

class PostgresError extends Error {
  code = '23505';
  detail = 'Key (email)=(zhang@example.edu.cn) already exists.';
  override name = 'PostgresError';
}

test('a wrapped query error keeps the server message and code, never the statement or its parameters', () => {
  const driver = new PostgresError('duplicate key value violates unique constraint "x_email_key"');
  const wrapped = new Error(
    'Failed query: insert into "inbound_emails" ("raw") values ($1)\nparams: From: 张三 <zhang@example.edu.cn>',
    { cause: driver },
  );
  const text = safeErrorMessage(wrapped);
  expect(text).toBe('PostgresError 23505: duplicate key value violates unique constraint "x_email_key"');
  expect(text).not.toContain('zhang@example.edu.cn');
  expect(text).not.toContain('张三');
});

test('values quoted in a message are cut off; unknown throws say so', () => {
  expect(safeErrorMessage(new Error('conflict Key (phone)=(13812345678)'))).toBe('Error: conflict');
  expect(safeErrorMessage(new Error('Failed query: select 1\nparams: 13812345678'))).toBe(
    'Error: database query failed',
  );
  expect(safeErrorMessage('a string')).toBe('Error: unknown error');
});
