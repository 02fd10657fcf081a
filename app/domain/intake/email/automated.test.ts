import { expect, test } from 'vitest';
import { classifySender } from './automated.ts';

const headers = (values: Record<string, string>) => (name: string) => values[name];

test('a person writing from an ordinary address is a person', () => {
  expect(classifySender(headers({}), 'zhangming@example.edu.cn', 'text/plain; charset=utf-8')).toBe('person');
  expect(classifySender(headers({ 'auto-submitted': 'no' }), 'li@example.edu.cn', undefined)).toBe('person');
});

test.each([
  ['Auto-Submitted: auto-replied', { 'auto-submitted': 'auto-replied' }, 'a@example.edu.cn'],
  ['Precedence: bulk', { precedence: 'bulk' }, 'a@example.edu.cn'],
  ['Precedence: list', { precedence: 'list' }, 'a@example.edu.cn'],
  ['Precedence: junk', { precedence: 'Junk' }, 'a@example.edu.cn'],
  ['List-Id', { 'list-id': '<news.example.edu.cn>' }, 'a@example.edu.cn'],
  ['a noreply sender', {}, 'noreply@example.edu.cn'],
  ['a no-reply sender', {}, 'no-reply@example.edu.cn'],
  ['a do-not-reply sender', {}, 'do-not-reply@example.edu.cn'],
] as const)('%s is automated mail, never answered', (_name, values, from) => {
  expect(classifySender(headers(values), from, 'text/plain')).toBe('auto_reply');
});

test('mailer-daemon, postmaster and delivery-status reports are bounces', () => {
  expect(classifySender(headers({}), 'MAILER-DAEMON@mx.example.edu.cn', 'text/plain')).toBe('bounce');
  expect(classifySender(headers({}), 'postmaster@example.edu.cn', 'text/plain')).toBe('bounce');
  expect(
    classifySender(headers({}), 'someone@example.edu.cn', 'multipart/report; report-type=delivery-status; boundary=x'),
  ).toBe('bounce');
});
