import { contentWords, sentencesOf } from './content-words.ts';

// Themes as frequent content-word groups (decision 047). Pure and bounded by
// its input: the caller passes a sample of the plan's suggestions.
//
// A seed is a frequent word; its group is the seed and the words that occur
// with it in at least CO_SHARE of the seed's suggestions. A suggestion belongs
// to the group when it has the seed and at least one other word of it. Seeds
// are taken most frequent first, and a word joins at most one group, so
// groups do not repeat each other.

export type ThemeDoc = { id: number; text: string };
export type FoundTheme = { terms: string[]; members: number[]; representative: string };

const CO_SHARE = 0.3;
const MAX_TERMS = 5;
/** A word in more than this share of a sample of BACKGROUND_FROM or more is background (规划 in a plan's consultation), not a theme. */
const MAX_DOC_SHARE = 0.4;
const BACKGROUND_FROM = 50;

export type DiscoverOptions = { minSupport?: number; maxThemes?: number };

export function discoverThemes(docs: ThemeDoc[], options: DiscoverOptions = {}): FoundTheme[] {
  const minSupport = options.minSupport ?? Math.max(3, Math.ceil(docs.length * 0.01));
  const maxThemes = options.maxThemes ?? 30;
  const words = docs.map((d) => new Set(contentWords(d.text)));
  const postings = new Map<string, number[]>();
  words.forEach((set, i) => set.forEach((w) => postings.set(w, [...(postings.get(w) ?? []), i])));
  const isFrequent = (list: number[] | undefined) =>
    !!list &&
    list.length >= minSupport &&
    (docs.length < BACKGROUND_FROM || list.length <= docs.length * MAX_DOC_SHARE);
  const togetherWith = (seed: string, seedDocs: number[]) => {
    const together = new Map<string, number>();
    for (const i of seedDocs)
      for (const w of words[i]!)
        if (w !== seed && isFrequent(postings.get(w))) together.set(w, (together.get(w) ?? 0) + 1);
    return together;
  };
  // Seeds in order of cohesion (the share of their suggestions that also have
  // their strongest partner): words a campaign or a hot topic repeats together
  // (北区 with 食堂) come before a common word (改造) that would gather them
  // with unrelated suggestions.
  const frequent = [...postings]
    .filter(([, list]) => isFrequent(list))
    .map(([seed, list]) => {
      const together = togetherWith(seed, list);
      const strongest = Math.max(0, ...together.values());
      return { seed, list, together, strongest, cohesion: strongest / list.length };
    })
    .sort(
      (a, b) =>
        b.cohesion - a.cohesion ||
        b.strongest - a.strongest ||
        b.list.length - a.list.length ||
        (a.seed < b.seed ? -1 : 1),
    );
  const used = new Set<string>();
  const themes: FoundTheme[] = [];
  for (const { seed, list: seedDocs, together } of frequent) {
    if (themes.length >= maxThemes) break;
    if (used.has(seed)) continue;
    const partners = [...together]
      .filter(([w, n]) => !used.has(w) && n >= minSupport && n >= seedDocs.length * CO_SHARE)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_TERMS - 1)
      .map(([w]) => w);
    if (partners.length === 0) continue;
    const terms = [seed, ...partners];
    const members = seedDocs.filter((i) => partners.some((p) => words[i]!.has(p)));
    if (members.length < minSupport) continue;
    terms.forEach((t) => used.add(t));
    themes.push({
      terms,
      members: members.map((i) => docs[i]!.id),
      representative: representativeSentence(
        members.map((i) => docs[i]!.text),
        terms,
      ),
    });
  }
  return absorbOverlaps(themes);
}

// A campaign's copies share all their words, so its sentences would each make
// a group with the same members. A group with nearly the same suggestions as
// one kept already adds nothing a moderator needs: it is dropped. A smaller
// group inside a bigger one stays (a narrower theme within a broader one).
const OVERLAP = 0.8;

function absorbOverlaps(found: FoundTheme[]): FoundTheme[] {
  const kept: FoundTheme[] = [];
  for (const theme of [...found].sort((a, b) => b.members.length - a.members.length)) {
    const own = new Set(theme.members);
    const absorbed = kept.some(
      (k) => k.members.filter((m) => own.has(m)).length >= OVERLAP * Math.max(own.size, k.members.length),
    );
    if (!absorbed) kept.push(theme);
  }
  return kept;
}

/** The sentence with the most of the terms; among equals, the one that says it in fewest characters. */
export function representativeSentence(texts: string[], terms: string[]): string {
  let best = { sentence: '', hits: -1 };
  for (const text of texts)
    for (const sentence of sentencesOf(text)) {
      const hits = terms.filter((t) => sentence.includes(t)).length;
      if (hits > best.hits || (hits === best.hits && sentence.length < best.sentence.length)) best = { sentence, hits };
    }
  return [...best.sentence].slice(0, 160).join('');
}

/** Whether a text belongs to a theme: its first term and one other (the rule the assigning job applies in SQL). */
export function belongsTo(text: string, terms: string[]): boolean {
  const words = new Set(contentWords(text));
  const [seed, ...rest] = terms;
  return !!seed && words.has(seed) && rest.some((t) => words.has(t));
}
