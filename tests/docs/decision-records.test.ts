import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const folder = path.resolve('docs/decisions');
const records = fs
  .readdirSync(folder)
  .filter((name) => /^\d{3}-.+\.md$/.test(name))
  .sort();

test('every decision record is listed in docs/decisions/README.md, with its title', () => {
  // The list's rows as cells (Prettier pads the table, so cells are trimmed).
  const listed = new Map(
    fs
      .readFileSync(path.join(folder, 'README.md'), 'utf8')
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .flatMap(([, link, title]) => {
        const file = /^\[\d{3}\]\((.+\.md)\)$/.exec(link ?? '')?.[1];
        return file ? [[file, title] as const] : [];
      }),
  );
  const missing = records.filter((name) => {
    const title = fs
      .readFileSync(path.join(folder, name), 'utf8')
      .split('\n')[0]!
      .replace(/^#\s*\d{3}\s*—\s*/, '')
      .trim();
    return listed.get(name) !== title;
  });
  expect(missing).toEqual([]);
});

test('no two records share a number', () => {
  const numbers = records.map((name) => name.slice(0, 3));
  expect(numbers.filter((n, i) => numbers.indexOf(n) !== i)).toEqual([]);
});
