import { diffText, type DiffOp } from './text-diff.ts';

// Section by section comparison of two versions of a plan (修改对照表).
// Sections are matched by their key (the plan_sections id they were copied
// from), which survives edits and moves. Sections whose keys do not match
// (a draft re-imported from Word gets new rows) are paired by heading
// similarity. Among matched sections, those outside the longest run kept in
// the same relative order are the ones that moved.

export type VersionSection = {
  sectionKey: number;
  position: number;
  level: number;
  number: string;
  heading: string;
  bodyMarkdown: string;
};

export type SectionComparison = {
  kind: 'unchanged' | 'modified' | 'added' | 'removed';
  moved: boolean;
  // The keys on each side (equal unless paired by heading); the anchor uses `key`.
  key: number;
  keys: number[];
  before: VersionSection | null;
  after: VersionSection | null;
  heading: DiffOp[];
  body: DiffOp[];
};

const SIMILAR_HEADINGS = 0.6;

export function compareSections(before: VersionSection[], after: VersionSection[]): SectionComparison[] {
  const pairs = matchSections(before, after);
  const fromIndex = new Map(before.map((s, i) => [s, i]));
  const matchedAfter = after.filter((s) => pairs.has(s));
  const inOrder = longestIncreasing(matchedAfter.map((s) => fromIndex.get(pairs.get(s)!)!));
  const stayed = new Set(inOrder.map((i) => matchedAfter[i]!));
  const paired = new Set(pairs.values());
  const removed = before.filter((s) => !paired.has(s));

  const rowOf = new Map<VersionSection, SectionComparison>();
  const rows = after.map((section) => {
    const old = pairs.get(section);
    const row = old ? matchedRow(old, section, !stayed.has(section)) : addedRow(section);
    if (old && stayed.has(section)) rowOf.set(old, row);
    return row;
  });
  // A removed section goes right after its nearest predecessor that kept its place.
  for (const section of removed) {
    let anchor: SectionComparison | undefined;
    for (let j = fromIndex.get(section)! - 1; j >= 0 && !anchor; j--) anchor = rowOf.get(before[j]!);
    const row = removedRow(section);
    rowOf.set(section, row);
    rows.splice(anchor ? rows.indexOf(anchor) + 1 : 0, 0, row);
  }
  return rows;
}

/** Whether a row belongs in the comparison table (changed text, or a section added, removed or moved). */
export function isChange(row: SectionComparison): boolean {
  return row.kind !== 'unchanged' || row.moved;
}

function matchedRow(before: VersionSection, after: VersionSection, moved: boolean): SectionComparison {
  const heading = diffText(before.heading, after.heading);
  const body = diffText(before.bodyMarkdown, after.bodyMarkdown);
  const changed =
    heading.some((op) => op.op !== 'equal') || body.some((op) => op.op !== 'equal') || before.level !== after.level;
  // A new number alone (二、 → 三、 after an insertion) is renumbering, not a change of text.
  const keys = before.sectionKey === after.sectionKey ? [after.sectionKey] : [after.sectionKey, before.sectionKey];
  return { kind: changed ? 'modified' : 'unchanged', moved, key: after.sectionKey, keys, before, after, heading, body };
}

function addedRow(after: VersionSection): SectionComparison {
  return {
    kind: 'added',
    moved: false,
    key: after.sectionKey,
    keys: [after.sectionKey],
    before: null,
    after,
    heading: diffText('', after.heading),
    body: diffText('', after.bodyMarkdown),
  };
}

function removedRow(before: VersionSection): SectionComparison {
  return {
    kind: 'removed',
    moved: false,
    key: before.sectionKey,
    keys: [before.sectionKey],
    before,
    after: null,
    heading: diffText(before.heading, ''),
    body: diffText(before.bodyMarkdown, ''),
  };
}

function matchSections(before: VersionSection[], after: VersionSection[]): Map<VersionSection, VersionSection> {
  const pairs = new Map<VersionSection, VersionSection>();
  const byKey = new Map(before.map((s) => [s.sectionKey, s]));
  for (const section of after) {
    const old = byKey.get(section.sectionKey);
    if (old) {
      pairs.set(section, old);
      byKey.delete(section.sectionKey);
    }
  }
  // Left over on both sides: pair the most similar headings first.
  const leftBefore = [...byKey.values()];
  const leftAfter = after.filter((s) => !pairs.has(s));
  for (const [a, b] of pairByHeading(
    leftBefore.map((s) => s.heading),
    leftAfter.map((s) => s.heading),
  ))
    pairs.set(leftAfter[b]!, leftBefore[a]!);
  return pairs;
}

/**
 * Pairs old and new headings that name the same section: equal ones first,
 * then the most similar (Dice ≥ 0.6), each heading used once. Returns
 * [old index, new index] pairs. Used where sections have no shared key: a
 * draft re-imported from Word.
 */
export function pairByHeading(before: string[], after: string[]): [number, number][] {
  const candidates = after.flatMap((a, j) => before.map((b, i) => ({ i, j, score: headingSimilarity(b, a) })));
  // Highest score first; ties go to the closest position, so repeated headings pair in order.
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { i, j, score } of candidates) {
    if (score < SIMILAR_HEADINGS) break;
    if (usedBefore.has(i) || usedAfter.has(j)) continue;
    usedBefore.add(i);
    usedAfter.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

/** Dice coefficient of character bigrams, punctuation and spaces ignored; 1 for equal headings. */
export function headingSimilarity(x: string, y: string): number {
  const clean = (s: string) => Array.from(s.replace(/[\s\p{P}]/gu, ''));
  const [a, b] = [clean(x), clean(y)];
  if (a.join('') === b.join('')) return 1;
  const bigrams = (chars: string[]) => chars.slice(1).map((c, i) => chars[i]! + c);
  const [ba, bb] = [bigrams(a), bigrams(b)];
  if (!ba.length || !bb.length) return 0;
  const counts = new Map<string, number>();
  for (const g of ba) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of bb) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (ba.length + bb.length);
}

/** Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const result: number[] = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) result.push(i);
  return result.reverse();
}
