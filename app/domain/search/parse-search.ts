// The staff search box: words are ANDed, `OR` between two terms makes either
// enough, `-word` excludes, "exact phrase" (straight or Chinese quotes) must
// appear as written (after normalization). 食堂 -宿舍 "延长营业时间" OR 夜宵

export type SearchTerm = { text: string; phrase: boolean };
/** Every group must match; a group matches when any of its terms does. */
export type ParsedSearch = { groups: SearchTerm[][]; excluded: SearchTerm[] };

const MAX_TERMS = 20;
const TOKEN = /(-?)(?:"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|(\S+))/g;

export function parseSearch(input: string): ParsedSearch {
  const groups: SearchTerm[][] = [];
  const excluded: SearchTerm[] = [];
  let joinNext = false;
  let count = 0;
  // NFKC first, so that full-width quotes and minus (＂ －) work like half-width ones.
  for (const match of input.normalize('NFKC').matchAll(TOKEN)) {
    if (count >= MAX_TERMS) break;
    const negated = match[1] === '-';
    const quoted = match[2] ?? match[3] ?? match[4];
    const text = (quoted ?? match[5] ?? '').trim();
    if (!quoted && text === 'OR' && !negated) {
      joinNext = groups.length > 0;
      continue;
    }
    if (!text || (!quoted && text === '-')) continue;
    count++;
    const term = { text, phrase: quoted !== undefined };
    if (negated) excluded.push(term);
    else if (joinNext) groups.at(-1)!.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  return { groups, excluded };
}

/** All positive terms, for ranking and highlighting. */
export function positiveTerms(parsed: ParsedSearch): SearchTerm[] {
  return parsed.groups.flat();
}
