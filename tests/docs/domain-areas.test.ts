import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// app/domain is one folder per area (docs/decisions/006-intake-adapters-and-area-ties.md).
// Areas may depend on each other one way only: a cycle between areas means
// neither can be read, tested or changed without the other. This reads every
// import (type-only ones too: they tie the code as much as the others) and
// finds the strongly connected groups of areas.

const domain = path.resolve('app/domain');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const areaOf = (file: string) =>
  path
    .relative(domain, file)
    .split(path.sep)[0]!
    .replace(/\.tsx?$/, '');

function areaGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(domain)) {
    const from = areaOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(
      /(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm,
    )) {
      const target = path.resolve(path.dirname(file), specifier!);
      if (!target.startsWith(domain + path.sep)) continue;
      const to = areaOf(target);
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components; only groups of two or more areas are cycles. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

test('the area graph is read from real imports (sanity: known one-way ties are seen)', () => {
  const graph = areaGraph();
  expect(graph.get('intake')?.has('suggestions')).toBe(true);
  expect(graph.get('moderation')?.has('authorization')).toBe(true);
  expect(graph.get('suggestions')?.has('intake')).toBe(false);
});

test('no import cycle between app/domain areas', () => {
  expect(cycles(areaGraph())).toEqual([]);
});

test('the cycle finder sees a cycle of three areas', () => {
  const graph = new Map([
    ['a', new Set(['b'])],
    ['b', new Set(['c'])],
    ['c', new Set(['a', 'd'])],
    ['d', new Set<string>()],
  ]);
  expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
});
