// A character diff for Chinese text. Chinese has no spaces between words, so a
// whitespace-token diff would treat a whole sentence as one "word"; comparing
// by character (Unicode code point, so that a character outside the BMP such
// as 𠮷 is never split) marks exactly the characters that changed. Myers'
// O((N+M)·D) algorithm, after trimming the common prefix and suffix, then a
// cleanup that folds short coincidental equalities into the surrounding edit,
// so 「加强」→「推进」 reads as one replacement, not a patchwork of characters.

export type DiffOp = { op: 'equal' | 'delete' | 'insert'; text: string };

// Beyond this many edits the texts are unrelated: one deletion and one
// insertion say so more readably, and the trace stays small (O(D²) memory).
const MAX_EDITS = 2000;

export function diffText(before: string, after: string): DiffOp[] {
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  const ops: DiffOp[] = [
    { op: 'equal', text: a.slice(0, start).join('') },
    ...middle,
    { op: 'equal', text: a.slice(endA).join('') },
  ];
  return foldShortEqualities(normalize(ops));
}

function myers(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0)
    return [
      { op: 'delete', text: a.join('') },
      { op: 'insert', text: b.join('') },
    ];
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= Math.min(max, MAX_EDITS) && !found; d++) {
    // Only diagonals -(d+1)…d+1 are read when walking back from step d.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found)
    return [
      { op: 'delete', text: a.join('') },
      { op: 'insert', text: b.join('') },
    ];
  const reversed: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d]!;
    const at = (k: number) => snapshot[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ op: 'equal', text: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) reversed.push({ op: 'insert', text: b[--y]! });
      else reversed.push({ op: 'delete', text: a[--x]! });
    }
  }
  return reversed.reverse();
}

/** Merges runs: equalities joined, and each stretch between equalities as one deletion then one insertion. */
function normalize(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = ins = '';
  };
  for (const { op, text } of ops) {
    if (!text) continue;
    if (op === 'delete') del += text;
    else if (op === 'insert') ins += text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.op === 'equal') last.text += text;
      else out.push({ op: 'equal', text });
    }
  }
  flush();
  return out;
}

// diff-match-patch's semantic rule: an equality no longer than the edits on
// both sides of it is a coincidence (一个 common 的 in two different phrases),
// and reads better as part of one replacement.
function foldShortEqualities(ops: DiffOp[]): DiffOp[] {
  let current = ops;
  for (;;) {
    const index = current.findIndex((op, i) => {
      if (op.op !== 'equal' || i === 0 || i === current.length - 1) return false;
      const size = Array.from(op.text).length;
      return size <= editSize(current, i, -1) && size <= editSize(current, i, 1);
    });
    if (index < 0) return current;
    const text = current[index]!.text;
    current = normalize([
      ...current.slice(0, index),
      { op: 'delete', text },
      { op: 'insert', text },
      ...current.slice(index + 1),
    ]);
  }
}

/** The larger of the deletion and the insertion next to ops[i] on one side. */
function editSize(ops: DiffOp[], i: number, step: -1 | 1): number {
  let del = 0;
  let ins = 0;
  for (let j = i + step; j >= 0 && j < ops.length && ops[j]!.op !== 'equal'; j += step) {
    const size = Array.from(ops[j]!.text).length;
    if (ops[j]!.op === 'delete') del += size;
    else ins += size;
  }
  return Math.max(del, ins);
}

/** The text on one side of a diff: what was there before, or what is there after. */
export function sideText(ops: DiffOp[], side: 'before' | 'after'): string {
  return ops
    .filter((op) => op.op === 'equal' || op.op === (side === 'before' ? 'delete' : 'insert'))
    .map((op) => op.text)
    .join('');
}
