import { and, asc, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import {
  attachments,
  categories,
  planSections,
  plans,
  staffUsers,
  suggestions,
  suggestionFingerprints,
  suggestionProposals,
  suggestionSearch,
  suggestionSupports,
  suggestionTags,
  tags,
} from '../../../db/schema/index.ts';
import { chinaDayStart } from '../../utils/china-time.ts';
import { searchSql, type SearchSql } from '../search/search-condition.server.ts';
import { buildSnippet, type Snippet } from '../search/snippet.ts';
import { decodeCursor, encodeCursor } from './cursor.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import type { QueueQuery, QueueSort } from './queue-filter.ts';
import type { Status } from './statuses.ts';
import { STATUS_COUNT_CAP } from './status-count-cap.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Every filter except status, as SQL on `suggestions` alone (no joins), so counts per status reuse it. */
function filterConditions(q: QueueQuery): SQL[] {
  const c: SQL[] = [];
  if (q.plan) c.push(eq(suggestions.planId, q.plan));
  if (q.section) c.push(eq(suggestions.sectionId, q.section));
  if (q.category) c.push(eq(suggestions.categoryId, q.category));
  if (q.channel) c.push(eq(suggestions.channel, q.channel));
  if (q.submitterType) c.push(eq(suggestions.submitterType, q.submitterType));
  if (q.assignee === 'none') c.push(isNull(suggestions.assigneeId));
  else if (q.assignee) c.push(eq(suggestions.assigneeId, q.assignee));
  const from = q.from ? chinaDayStart(q.from) : null;
  const to = q.to ? chinaDayStart(q.to) : null;
  if (from) c.push(gte(suggestions.submittedAt, from));
  // "To" a day includes that whole (Beijing) day.
  if (to) c.push(lt(suggestions.submittedAt, new Date(to.getTime() + DAY)));
  if (q.tag)
    c.push(
      sql`exists (select 1 from ${suggestionTags} where ${suggestionTags.suggestionId} = ${suggestions.id} and ${suggestionTags.tagId} = ${q.tag})`,
    );
  if (q.attachments)
    c.push(sql`exists (select 1 from ${attachments} where ${attachments.suggestionId} = ${suggestions.id})`);
  if (q.cluster)
    c.push(
      sql`exists (select 1 from ${suggestionFingerprints} where ${suggestionFingerprints.suggestionId} = ${suggestions.id} and ${suggestionFingerprints.clusterId} = ${q.cluster})`,
    );
  const search = searchSql(q.q);
  // A search that yields no usable term (only punctuation) finds nothing rather than everything.
  if (q.q && !search) c.push(sql`false`);
  if (search)
    c.push(
      sql`exists (select 1 from ${suggestionSearch} where ${suggestionSearch.suggestionId} = ${suggestions.id} and ${search.where})`,
    );
  return c;
}

const rankOf = (search: SearchSql) =>
  sql<number>`(select ${search.rank} from ${suggestionSearch} where ${suggestionSearch.suggestionId} = ${suggestions.id})`;

function statusCondition(q: QueueQuery): SQL | undefined {
  // 待核验 is a status of its own; "held" is the shortcut the issue names.
  if (q.held) return eq(suggestions.status, 'pending_verification');
  return q.status ? eq(suggestions.status, q.status) : undefined;
}

/** The keyset's first column, and the SQL type its cursor text is cast back to. */
function sortKey(sort: QueueSort, search: SearchSql | undefined): { key: SQL; cast: string } {
  if (sort === 'relevance' && search) return { key: rankOf(search), cast: 'real' };
  return { key: sql`${sort === 'updated' ? suggestions.updatedAt : suggestions.submittedAt}`, cast: 'timestamptz' };
}

// Snippets are cut from at most this much of the body and of attachment text.
const SNIPPET_SOURCE_CHARS = 20_000;

function snippetFor(row: { title: string; body: string | null; files: string | null }, search: SearchSql | undefined) {
  if (!search) return null;
  for (const [source, text] of [
    ['title', row.title],
    ['body', row.body],
    ['attachment', row.files],
  ] as const) {
    const snippet: Snippet | undefined = text ? buildSnippet(text, search.terms) : undefined;
    if (snippet) return { source, pieces: snippet };
  }
  return null;
}

/**
 * One page of the triage queue: a single query whatever the page size (tags,
 * attachment count, plan, category, section and assignee come joined or as
 * sub-selects, never a query per row), paged by keyset on (sort key, id).
 */
export async function filteredSuggestions(db: Database, { viewer, query }: { viewer: Actor; query: QueueQuery }) {
  assertPermission(viewer, 'read:suggestion:any');
  const search = searchSql(query.q);
  const { key, cast } = sortKey(query.sort, search);
  const descending = query.sort !== 'oldest';
  const cursor = decodeCursor(query.after, cast === 'real' ? 'rank' : 'time');
  const conditions = [...filterConditions(query), statusCondition(query)];
  if (cursor) {
    conditions.push(
      sql`(${key}, ${suggestions.id}) ${sql.raw(descending ? '<' : '>')} (${cursor.key}::${sql.raw(cast)}, ${cursor.id})`,
    );
  }
  const order = descending ? [desc(key), desc(suggestions.id)] : [asc(key), asc(suggestions.id)];
  const rows = await db
    .select({
      id: suggestions.id,
      planId: suggestions.planId,
      trackingCode: suggestions.trackingCode,
      title: suggestions.title,
      status: suggestions.status,
      channel: suggestions.channel,
      submitterType: suggestions.submitterType,
      heldReason: suggestions.heldReason,
      submittedAt: suggestions.submittedAt,
      updatedAt: suggestions.updatedAt,
      planTitle: plans.title,
      categoryName: categories.name,
      categoryId: suggestions.categoryId,
      // The open proposal's category: the page offers it to confirm in one go (decision 033).
      proposedCategoryId: sql<
        number | null
      >`(select ${suggestionProposals.categoryId} from ${suggestionProposals} where ${suggestionProposals.suggestionId} = ${suggestions.id} and ${suggestionProposals.resolution} is null)`,
      proposalOpen: sql<boolean>`exists (select 1 from ${suggestionProposals} where ${suggestionProposals.suggestionId} = ${suggestions.id} and ${suggestionProposals.resolution} is null)`,
      // 附议 (decision 048), counted on its primary key's leading column.
      supportCount: sql<number>`(select count(*)::int from ${suggestionSupports} where ${suggestionSupports.suggestionId} = ${suggestions.id})`,
      sectionNumber: planSections.number,
      sectionHeading: planSections.heading,
      assigneeName: staffUsers.name,
      tags: sql<
        { id: number; name: string }[]
      >`coalesce((select json_agg(json_build_object('id', ${tags.id}, 'name', ${tags.name}) order by ${tags.name}) from ${suggestionTags} join ${tags} on ${tags.id} = ${suggestionTags.tagId} where ${suggestionTags.suggestionId} = ${suggestions.id}), '[]'::json)`,
      attachmentCount: sql<number>`(select count(*)::int from ${attachments} where ${attachments.suggestionId} = ${suggestions.id})`,
      cursorKey: sql<string>`${key}::text`,
      // Only for a search: the text its snippet is cut from.
      body: search ? sql<string>`left(${suggestions.body}, ${SNIPPET_SOURCE_CHARS})` : sql<null>`null`,
      files: search
        ? sql<
            string | null
          >`(select left(string_agg(${attachments.extractedText}, E'\\n' order by ${attachments.id}), ${SNIPPET_SOURCE_CHARS}) from ${attachments} where ${attachments.suggestionId} = ${suggestions.id})`
        : sql<null>`null`,
    })
    .from(suggestions)
    .innerJoin(plans, eq(plans.id, suggestions.planId))
    .leftJoin(categories, eq(categories.id, suggestions.categoryId))
    .leftJoin(planSections, eq(planSections.id, suggestions.sectionId))
    .leftJoin(staffUsers, eq(staffUsers.id, suggestions.assigneeId))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(query.size + 1);
  const page = rows.slice(0, query.size);
  const last = page.at(-1);
  const next = rows.length > query.size && last ? encodeCursor({ key: last.cursorKey, id: last.id }) : null;
  return {
    rows: page.map(({ cursorKey: _, body: _body, files: _files, ...row }) => ({
      ...row,
      snippet: snippetFor({ title: row.title, body: _body, files: _files }, search),
    })),
    next,
  };
}

/**
 * How many suggestions each status holds under the other filters, each count
 * stopping at cap + 1 (a value above the cap means "more"): one
 * query, one bounded index range per status. Statuses with none are left out.
 */
export async function statusCounts(
  db: Database,
  { viewer, query, cap = STATUS_COUNT_CAP }: { viewer: Actor; query: QueueQuery; cap?: number },
) {
  assertPermission(viewer, 'read:suggestion:any');
  const filters = filterConditions(query);
  const rows = await db.execute<{ status: Status; count: number }>(sql`
    select s.status, (
      select count(*)::int from (
        select 1 from ${suggestions} where ${and(...filters, sql`${suggestions.status} = s.status`)} limit ${cap + 1}
      ) bounded
    ) as count
    from unnest(enum_range(null::suggestion_status)) s(status)`);
  return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.status, r.count])) as Partial<
    Record<Status, number>
  >;
}

/** The suggestions just before and after `id` in the queue's order, for "previous / next" on the detail page. */
export async function queueNeighbours(
  db: Database,
  { viewer, query, id }: { viewer: Actor; query: QueueQuery; id: number },
) {
  assertPermission(viewer, 'read:suggestion:any');
  const { key, cast } = sortKey(query.sort, searchSql(query.q));
  const [current] = await db
    .select({ key: sql<string>`${key}::text` })
    .from(suggestions)
    .where(eq(suggestions.id, id));
  if (!current) return { previous: null, next: null };
  const base = [...filterConditions(query), statusCondition(query)];
  const descending = query.sort !== 'oldest';
  const after = sql`(${key}, ${suggestions.id}) ${sql.raw(descending ? '<' : '>')} (${current.key}::${sql.raw(cast)}, ${id})`;
  const before = sql`(${key}, ${suggestions.id}) ${sql.raw(descending ? '>' : '<')} (${current.key}::${sql.raw(cast)}, ${id})`;
  const forward = descending ? [desc(key), desc(suggestions.id)] : [asc(key), asc(suggestions.id)];
  const backward = descending ? [asc(key), asc(suggestions.id)] : [desc(key), desc(suggestions.id)];
  const [[next], [previous]] = await Promise.all([
    db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(and(...base, after))
      .orderBy(...forward)
      .limit(1),
    db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(and(...base, before))
      .orderBy(...backward)
      .limit(1),
  ]);
  return { previous: previous?.id ?? null, next: next?.id ?? null };
}
