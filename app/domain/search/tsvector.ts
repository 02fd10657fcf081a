// A tsvector written as PostgreSQL's input syntax ('token':1A,5A 'other':2B),
// built here from jieba's tokens: PostgreSQL's own parser would see a Chinese
// sentence as one word. Weights rank title (A) over body (B) over attachments (C).

export type Weighted = { tokens: string[]; weight: 'A' | 'B' | 'C' };

// tsvector positions stop at 16383 and a lexeme holds at most 256 positions;
// later occurrences add nothing to matching and little to ranking.
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
// A lexeme is at most 2 KB; longer "tokens" (a run of digits, a URL) are cut.
const MAX_LEXEME_CHARS = 500;

export function buildTsvector(parts: Weighted[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const part of parts) {
    for (const raw of part.tokens) {
      position = Math.min(position + 1, MAX_POSITION);
      const token = raw.slice(0, MAX_LEXEME_CHARS);
      const list = positions.get(token) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${part.weight}`);
      positions.set(token, list);
    }
  }
  return [...positions].map(([token, list]) => `${quoteLexeme(token)}:${list.join(',')}`).join(' ');
}

export function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
