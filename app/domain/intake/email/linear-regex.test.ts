import { expect, test } from 'vitest';
import { parseEmail } from './parse-email.server.ts';
import { titleFromSubject } from './subject-marker.ts';
import { extractSubmitterDetails } from './submitter-details.ts';

// Hostile shapes for the regular expressions on mail text (issue 15). Each was
// quadratic before (a backtracking run retried from every position); each is
// now linear by construction: a lookbehind lets only the first character of
// a run start a match, an attempt stops at the next "<", or one anchored pass
// replaces a loop of replace() calls. These tests assert the output on 200k
// characters; timings are in docs/decisions/066-linear-regular-expressions.md.

const N = 200_000;
const message = (body: string, subject = 'test') =>
  Buffer.from(
    `From: a@example.org\r\nSubject: ${subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`,
    'utf8',
  );

test('a body with 200k spaces and no newline keeps its words; trailing blanks before a newline still go', async () => {
  expect((await parseEmail(message(`建议${' '.repeat(N)}增加座位`))).text).toBe(`建议${' '.repeat(N)}增加座位`);
  expect((await parseEmail(message(`建议${' \t'.repeat(N / 2)}\r\n增加座位`))).text).toBe('建议\n增加座位');
});

test('HTML with 100k unclosed "<br" tags becomes text', async () => {
  const html = Buffer.from(
    `From: a@example.org\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>建议</p>${'<br'.repeat(N / 2)}\r\n`,
    'utf8',
  );
  expect((await parseEmail(html)).text).toContain('建议');
});

test('a subject with 200k dashes keeps its words; separators at both ends still go', () => {
  const marker = "'十四五'规划意见建议";
  expect(titleFromSubject(`关于食堂${'-'.repeat(N)}夜宵`, marker)).toBe(`关于食堂${'-'.repeat(N)}夜宵`);
  expect(titleFromSubject(`${'-'.repeat(N)}关于食堂${'—'.repeat(N)}`, marker)).toBe('关于食堂');
});

test('a subject with 200k spaces before the marker, and 50k reply prefixes', () => {
  const marker = "'十四五'规划意见建议";
  expect(titleFromSubject(`${' '.repeat(N)}十四五规划意见建议：夜宵`, marker)).toBe('夜宵');
  expect(titleFromSubject(`${'Re: 回复：'.repeat(N / 4)}夜宵`, null)).toBe('夜宵');
});

test('a contact line of 200k letters with no @ yields no address, and an address is still found', () => {
  expect(extractSubmitterDetails(`邮箱：${'a'.repeat(N)}`).contact.email).toBeUndefined();
  expect(extractSubmitterDetails(`邮箱：${'a'.repeat(N)} zhang@example.edu.cn`).contact.email).toBe(
    'zhang@example.edu.cn',
  );
});
