import { and, not, or, sql, type SQL } from 'drizzle-orm';
import { suggestionSearch } from '../../../db/schema/index.ts';
import { normalizeText } from '../text/normalize.ts';
import { parseSearch, positiveTerms, type ParsedSearch, type SearchTerm } from './parse-search.ts';
import { queryTokens } from './segment.ts';
import { quoteLexeme } from './tsvector.ts';

// How a term matches (decision 040): the normalized text must contain it, as
// with Ctrl-F. The GIN tsvector index finds the rows whose jieba tokens hold
// the term's tokens; pg_trgm's index finds fragments of three characters or
// more that segmentation split differently (堂营业 in 食堂营业). A fragment of
// one or two characters that is not a word of its own is not found.
const TRIGRAM_MIN = 3;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const tsquery = (tokens: string[], joiner: '&' | '|') => tokens.map(quoteLexeme).join(` ${joiner} `);

function termCondition(term: SearchTerm): SQL | undefined {
  const text = normalizeText(term.text).trim();
  if (!text) return undefined;
  const tokens = queryTokens(text);
  const contains = sql`${suggestionSearch.searchText} like ${likePattern(text)}`;
  const long = [...text].length >= TRIGRAM_MIN;
  if (tokens.length === 0) return long ? contains : undefined;
  const byTokens = sql`${suggestionSearch.searchVector} @@ ${tsquery(tokens, '&')}::tsquery`;
  // One whole word (食堂, 师资): its token is proof enough, and fragments of it
  // that jieba did not cut out are caught by the trigram index.
  if (tokens.length === 1 && !term.phrase) return long ? or(byTokens, contains) : byTokens;
  // Several tokens or a phrase: contain the text exactly; the indexes narrow.
  return long ? contains : and(byTokens, contains);
}

export type SearchSql = { where: SQL; rank: SQL<number>; terms: string[] };

/** The WHERE and rank for a search over suggestion_search, or undefined for a blank or unusable query. */
export function searchSql(input: string | undefined): SearchSql | undefined {
  if (!input?.trim()) return undefined;
  const parsed: ParsedSearch = parseSearch(input);
  const groups = parsed.groups
    .map((group) => group.map(termCondition).filter((c): c is SQL => Boolean(c)))
    .filter((group) => group.length > 0)
    .map((group) => (group.length === 1 ? group[0]! : or(...group)!));
  if (groups.length === 0) return undefined;
  const excluded = parsed.excluded.map(termCondition).filter((c): c is SQL => Boolean(c));
  const terms = positiveTerms(parsed)
    .map((t) => normalizeText(t.text).trim())
    .filter(Boolean);
  const rankTokens = [...new Set(terms.flatMap(queryTokens))];
  const rank =
    rankTokens.length > 0
      ? sql<number>`ts_rank(${suggestionSearch.searchVector}, ${tsquery(rankTokens, '|')}::tsquery)`
      : sql<number>`0::real`;
  return { where: and(...groups, ...excluded.map((c) => not(c)))!, rank, terms };
}
