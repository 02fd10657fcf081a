import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { themes } from '../../../db/schema/index.ts';
import { quoteLexeme } from '../search/tsvector.ts';

// Assigning accepted themes as tags (decision 047). A suggestion belongs to a
// theme when its search vector has the theme's first term and one other, the
// same rule discovery used (discover-themes.ts `belongsTo`), here as a GIN-
// indexed tsquery. A merged theme's groups count for the theme it went into.
// A tag a moderator removed (suggestion_tag_removals) is never put back.

/** `'食堂' & ('饭菜' | '价格')`: the tsquery of one word group. */
export function themeQuery(terms: string[]): string | null {
  const [seed, ...rest] = terms;
  if (!seed || rest.length === 0) return null;
  return `${quoteLexeme(seed)} & (${rest.map(quoteLexeme).join(' | ')})`;
}

async function groupsOf(db: DbExecutor, themeId: number): Promise<string[]> {
  const rows = await db
    .select({ terms: themes.terms })
    .from(themes)
    .where(or(eq(themes.id, themeId), and(eq(themes.mergedIntoId, themeId), eq(themes.status, 'merged'))));
  return rows.flatMap((r) => themeQuery(r.terms) ?? []);
}

function matchAny(queries: string[]): SQL {
  return sql.join(
    queries.map((q) => sql`ss.search_vector @@ ${q}::tsquery`),
    sql` or `,
  );
}

/** Tags every suggestion of the plan that belongs to an accepted theme (existing ones: the job after accept or merge). */
export async function assignTheme(db: DbExecutor, themeId: number, onlySuggestionId?: number): Promise<number> {
  const [theme] = await db
    .select({ planId: themes.planId, tagId: themes.tagId, status: themes.status })
    .from(themes)
    .where(eq(themes.id, themeId));
  if (!theme || theme.status !== 'accepted' || theme.tagId === null) return 0;
  const queries = await groupsOf(db, themeId);
  if (queries.length === 0) return 0;
  const only = onlySuggestionId === undefined ? sql`` : sql`and s.id = ${onlySuggestionId}`;
  const inserted = await db.execute(sql`
    insert into suggestion_tags (suggestion_id, tag_id)
    select s.id, ${theme.tagId} from suggestions s
    join suggestion_search ss on ss.suggestion_id = s.id
    where s.plan_id = ${theme.planId} and s.status not in ('spam', 'duplicate') ${only}
      and (${matchAny(queries)})
      and not exists (select 1 from suggestion_tag_removals r where r.suggestion_id = s.id and r.tag_id = ${theme.tagId})
    on conflict do nothing`);
  return inserted.count ?? 0;
}

/** A new suggestion gets its plan's accepted themes (called by enrichment, once its search row exists). */
export async function assignThemesTo(
  db: DbExecutor,
  { suggestionId, planId }: { suggestionId: number; planId: number },
) {
  const accepted = await db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.planId, planId), inArray(themes.status, ['accepted'])));
  for (const theme of accepted) await assignTheme(db, theme.id, suggestionId);
}
