import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const folder = path.resolve('docs/decisions');
const records = fs.readdirSync(folder).filter((name) => /^\d{3}-.+\.md$/.test(name)).sort();

test('every decision record is listed in docs/decisions/README.md, with its title', () => {
  const index = fs.readFileSync(path.join(folder, 'README.md'), 'utf8');
  const missing = records.filter((name) => {
    const title = fs.readFileSync(path.join(folder, name), 'utf8').split('\n')[0]!.replace(/^#\s*\d{3}\s*—\s*/, '').trim();
    return !index.includes(`(${name}) | ${title} |`);
  });
  expect(missing).toEqual([]);
});

test('no two records share a number', () => {
  const numbers = records.map((name) => name.slice(0, 3));
  expect(numbers.filter((n, i) => numbers.indexOf(n) !== i)).toEqual([]);
});
