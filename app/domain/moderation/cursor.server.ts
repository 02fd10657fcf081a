import { z } from 'zod';

/**
 * A keyset cursor: the sort key as PostgreSQL printed it and the row id.
 * The key stays text because a JS Date would drop PostgreSQL's microseconds,
 * and rows would then repeat or vanish at page edges.
 */
export type Cursor = { key: string; id: number };

const TIMESTAMPTZ_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;
// Relevance pages by the search rank, a float4 as PostgreSQL prints it (shortest exact form).
const RANK_TEXT = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;
const Shape = z.tuple([
  z.string().regex(TIMESTAMPTZ_TEXT).or(z.string().regex(RANK_TEXT)),
  z.number().int().positive(),
]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/** A tampered or stale cursor reads as "first page", never as an error. */
export function decodeCursor(value: string | undefined, kind: 'time' | 'rank' = 'time'): Cursor | undefined {
  if (!value) return undefined;
  try {
    const [key, id] = Shape.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    // A cursor from the other kind of sort (a bookmarked page, a changed sort) restarts the list.
    if ((kind === 'rank') !== RANK_TEXT.test(key)) return undefined;
    return { key, id };
  } catch {
    return undefined;
  }
}
