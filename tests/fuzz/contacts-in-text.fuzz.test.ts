import fc from 'fast-check';
import { expect, test } from 'vitest';
import { findContactsInText, maskContactsInText } from '../../app/domain/contacts/contacts-in-text.ts';
import { runs } from './fuzz-runs.ts';

// The contact detector on any text: it never throws, its spans are in order,
// inside the text and apart, and a planted mobile number, address or ID
// number never survives masking, whatever surrounds it.
const pieces = fc.constantFrom(
  '电话',
  '：',
  ':',
  '姓名',
  '此致',
  '敬礼',
  '--',
  '\n',
  ' ',
  '-',
  '+86',
  '(',
  ')',
  '@',
  '.',
  'com',
  '> ',
  'From',
  '2035年',
  '5000万元',
  '3.2.1',
  'X',
  '１',
  '\u00a0',
  'http://',
  '，',
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc
    .array(fc.oneof(pieces, fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 99999 }).map(String)), {
      maxLength: 80,
    })
    .map((p) => p.join('')),
);
const secrets = fc.constantFrom(
  ['13912345678', '2345678'],
  ['wang.xiaoming@example.edu.cn', 'wang.xiaoming'],
  ['410102199001011234', '199001011234'],
  ['0371-63912345', '63912345'],
);

test('spans are ordered, disjoint and inside the text, on any input', () => {
  fc.assert(
    fc.property(text, (input) => {
      let end = 0;
      for (const span of findContactsInText(input)) {
        expect(span.start).toBeGreaterThanOrEqual(end);
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.end).toBeLessThanOrEqual(input.length);
        end = span.end;
      }
    }),
    runs(300),
  );
});

test('a contact detail between spaces or CJK text is masked, whatever comes before and after', () => {
  fc.assert(
    fc.property(
      secrets,
      text,
      text,
      fc.constantFrom(' ', '\n', '，', '。我的'),
      ([secret, core], before, after, gap) => {
        const masked = maskContactsInText(`${before}${gap}${secret}${gap}${after}`);
        expect(`${before}${after}`.includes(core!) || !masked.includes(core!)).toBe(true);
      },
    ),
    runs(300),
  );
});
