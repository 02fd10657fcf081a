import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseSearch, positiveTerms } from '../../app/domain/search/parse-search.ts';
import { runs } from './fuzz-runs.ts';

// The staff search box parser: any input gives at most 20 non-empty terms,
// quickly, and never throws.
const pieces = fc.constantFrom(
  'OR',
  '-',
  '"',
  '“',
  '”',
  '「',
  '」',
  '＂',
  '－',
  ' ',
  '\t',
  '\n',
  '食堂',
  '宿舍',
  'or',
  '-OR',
  '""',
  '\u0000',
  '\uFEFF',
  '𠮷',
  'ｅ',
);
const query = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 200 }).map((parts) => parts.join('')),
);

test('parseSearch: no throw, at most 20 terms, none empty, on any input', () => {
  fc.assert(
    fc.property(query, (input) => {
      const parsed = parseSearch(input);
      const terms = [...parsed.groups.flat(), ...parsed.excluded];
      expect(terms.length).toBeLessThanOrEqual(20);
      for (const term of terms) expect(term.text.trim()).not.toBe('');
      expect(parsed.groups.every((group) => group.length > 0)).toBe(true);
      positiveTerms(parsed);
    }),
    runs(2000),
  );
});

test('parseSearch stays fast on long hostile input (no super-linear regular expression)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('"', '-', ' ', '“', '-"', 'a', 'OR '),
      fc.integer({ min: 10_000, max: 100_000 }),
      (unit, count) => {
        const started = performance.now();
        parseSearch(unit.repeat(count));
        expect(performance.now() - started).toBeLessThan(1000);
      },
    ),
    runs(20),
  );
});
