import { asc, inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { attachments, suggestions, suggestionSearch } from '../../../db/schema/index.ts';
import { normalizeText } from '../text/normalize.ts';
import { indexTokens, INDEX_VERSION } from './segment.ts';
import { buildTsvector } from './tsvector.ts';

// Attachment text can be a whole report; the index keeps its first part.
const MAX_ATTACHMENT_CHARS = 100_000;

export type IndexSource = { id: number; title: string; body: string; attachmentText: string[] };

/** The row written to suggestion_search: normalized text and weighted tokens. */
export function searchRow(source: IndexSource) {
  const title = normalizeText(source.title);
  const body = normalizeText(source.body);
  const files = normalizeText(source.attachmentText.join('\n').slice(0, MAX_ATTACHMENT_CHARS));
  const parts = [
    { tokens: indexTokens(title), weight: 'A' as const },
    { tokens: indexTokens(body), weight: 'B' as const },
    { tokens: indexTokens(files), weight: 'C' as const },
  ];
  return {
    suggestionId: source.id,
    searchText: [title, body, files].filter(Boolean).join('\n'),
    searchVector: buildTsvector(parts),
    indexVersion: INDEX_VERSION,
  };
}

/** The row and the distinct tokens (for the classifier, which reads the same ones back from the tsvector). */
export function searchRowWithTokens(source: IndexSource) {
  const row = searchRow(source);
  return { row, tokens: tokensOfTsvector(row.searchVector) };
}

// Lexemes back out of the literal built above: 'tok':1A,2B 'it''s':3B
function tokensOfTsvector(literal: string): string[] {
  return [...literal.matchAll(/'((?:[^']|'')*)':/g)].map((m) => m[1]!.replace(/''/g, "'").replace(/\\\\/g, '\\'));
}

/** (Re)indexes the given suggestions for search, in the caller's transaction. */
export async function indexSuggestions(db: DbExecutor, ids: number[]) {
  if (ids.length === 0) return;
  const sources = await loadSources(db, ids);
  const rows = sources.map(searchRow);
  await db
    .insert(suggestionSearch)
    .values(rows)
    .onConflictDoUpdate({
      target: suggestionSearch.suggestionId,
      set: {
        searchText: sql`excluded.search_text`,
        searchVector: sql`excluded.search_vector`,
        indexVersion: sql`excluded.index_version`,
        indexedAt: sql`now()`,
      },
    });
}

async function loadSources(db: DbExecutor, ids: number[]): Promise<IndexSource[]> {
  const [rows, files] = await Promise.all([
    db
      .select({ id: suggestions.id, title: suggestions.title, body: suggestions.body })
      .from(suggestions)
      .where(inArray(suggestions.id, ids)),
    db
      .select({ suggestionId: attachments.suggestionId, text: attachments.extractedText })
      .from(attachments)
      .where(inArray(attachments.suggestionId, ids))
      .orderBy(asc(attachments.id)),
  ]);
  return rows.map((row) => ({
    ...row,
    attachmentText: files.filter((f) => f.suggestionId === row.id && f.text).map((f) => f.text!),
  }));
}
