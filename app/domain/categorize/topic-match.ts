import { normalizeText } from '../text/normalize.ts';
import { queryTokens } from '../search/segment.ts';
import { TOPIC_AREAS, type TopicArea } from './topic-areas.ts';

// Matching the built-in topic words on jieba tokens (decision 046). A word
// counts once per text however often it recurs, so a long letter that repeats
// 食堂 ten times does not outweigh three different words of another area.

/** The topic area a plan category's name stands for: an exact name first, else the longest name it contains or is part of. */
export function areaForCategory(name: string, areas: TopicArea[] = TOPIC_AREAS): TopicArea | undefined {
  const wanted = normalizeText(name).replace(/\s+/g, '');
  let best: { area: TopicArea; length: number } | undefined;
  for (const area of areas) {
    for (const alias of area.names) {
      const a = normalizeText(alias);
      if (a === wanted) return area;
      const overlaps = alias.length >= 2 && (wanted.includes(a) || a.includes(wanted));
      if (overlaps && (!best || a.length > best.length)) best = { area, length: a.length };
    }
  }
  return best?.area;
}

/**
 * The tokens of a normalized text in precise mode, in order. Precise, not
 * search mode: search mode also yields 论文 inside 毕业论文, and the longer
 * word is the one that says what the text is about. The first line of a
 * suggestion's search text is its title (index-suggestion.server.ts), and a
 * word in the title weighs more: `titleEnd` is the number of its tokens.
 */
export type TextTokens = { sequence: string[]; titleEnd: number };

export function textTokens(normalized: string): TextTokens {
  const cut = normalized.indexOf('\n');
  const titleTokens = queryTokens(cut < 0 ? normalized : normalized.slice(0, cut));
  const rest = cut < 0 ? [] : queryTokens(normalized.slice(cut + 1));
  return { sequence: [...titleTokens, ...rest], titleEnd: cut < 0 ? 0 : titleTokens.length };
}

const wordTokens = new Map<string, string[]>();
function tokensOfWord(word: string) {
  let tokens = wordTokens.get(word);
  if (!tokens) wordTokens.set(word, (tokens = queryTokens(word)));
  return tokens;
}

/** Where a word first occurs in the text, as one token or a run of tokens (保障性租赁住房 → 保障性 租赁 住房); -1 if not. */
export function wordPosition(text: TextTokens, word: string): number {
  const run = tokensOfWord(normalizeText(word));
  if (run.length === 0) return -1;
  const { sequence } = text;
  outer: for (let i = 0; i + run.length <= sequence.length; i++) {
    for (let j = 0; j < run.length; j++) if (sequence[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}

export type EntryMatch = { label: string; position: number; inTitle: boolean };

/**
 * The entries ("食堂|饭堂|餐厅") found in the text, each as staff read it:
 * the word itself, or "饭堂（食堂）" when a synonym stood for it, with where it
 * first occurs. A longer word of the same list also counts for the shorter
 * words inside it (青年教师 for 教师): both name this area, whereas 论文 inside
 * 毕业论文 must not count for another area's list.
 */
export function matchedEntries(text: TextTokens, entries: string[]): EntryMatch[] {
  const own = new Set(entries.flatMap((e) => e.split('|').map((w) => normalizeText(w))));
  const insideOwn = (word: string) => {
    const w = normalizeText(word);
    return text.sequence.findIndex((token) => token !== w && token.includes(w) && own.has(token));
  };
  const found: EntryMatch[] = [];
  for (const entry of entries) {
    const [head, ...synonyms] = entry.split('|');
    if (!head) continue;
    let best: { word: string; position: number } | undefined;
    for (const word of [head, ...synonyms]) {
      let position = wordPosition(text, word);
      if (position < 0) position = insideOwn(word);
      if (position >= 0 && (!best || position < best.position)) best = { word, position };
    }
    if (best)
      found.push({
        label: best.word === head ? head : `${best.word}（${head}）`,
        position: best.position,
        inTitle: best.position < text.titleEnd,
      });
  }
  return found;
}
