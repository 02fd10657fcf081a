import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { knownAuditActions } from './audit-actions.ts';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// The audit page filters by these names: an action recorded but missing here
// could never be filtered for.
test('every audit action the app records is offered by the audit page filter', () => {
  const recorded = new Set<string>();
  for (const file of sourceFiles(path.resolve('app'))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g))
      recorded.add(match[1]!);
  }
  expect(recorded.size).toBeGreaterThan(30);
  const known = new Set<string>(knownAuditActions);
  expect([...recorded].filter((action) => !known.has(action))).toEqual([]);
});
