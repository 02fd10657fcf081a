import type postgres from 'postgres';
import type { Database } from '../../../db/client.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { contactsForExport, type ContactDetails } from '../contacts/contacts.server.ts';
import type { ExportFilter, SuggestionChannel, SuggestionStatus } from './export-filter.ts';

export type ExportRow = {
  id: number;
  trackingCode: string;
  title: string;
  body: string;
  channel: SuggestionChannel;
  submitterType: string;
  status: SuggestionStatus;
  decisionReason: string | null;
  publicReply: string | null;
  publicSummary: string | null;
  /** ISO 8601, UTC. */
  submittedAt: string;
  /** 2026-01-15 09:30 in China Standard Time, as shown in files. */
  submittedLocal: string;
  sectionId: number | null;
  sectionLabel: string | null;
  /** Order of the section in the plan (null: no section). */
  sectionPosition: number | null;
  categoryName: string | null;
  tags: string[];
  /** 附议: how many supporters the published suggestion has (decision 048). */
  supportCount: number;
  /** Only when the export asked for contact details. */
  contact?: ContactDetails;
};

export type ExportRowsOptions = {
  /** The contact columns are read for this viewer only if they hold read:contact:any. */
  viewer: Actor;
  includeContacts: boolean;
  /**
   * 'id' streams in key order; 'category' groups rows for one sheet per
   * category; 'section' in the plan's order of sections, for the DOCX 汇总表.
   * The last two are sorted by PostgreSQL (in work_mem, then on disk), not here.
   */
  order?: 'id' | 'category' | 'section';
  batchSize?: number;
};

/**
 * Streams the rows of a plan that match the filter, in batches, from a server
 * cursor (postgres.js portal): memory holds one batch, never the result.
 * Drizzle has no cursor for postgres.js, so this one query is written with the
 * driver's own tagged template. Breaking out of the loop closes the cursor.
 */
export async function* exportRows(
  db: Database,
  filter: ExportFilter,
  options: ExportRowsOptions,
): AsyncGenerator<ExportRow[]> {
  if (options.includeContacts) assertPermission(options.viewer, 'read:contact:any');
  const sql = rawClient(db);
  const order =
    options.order === 'category'
      ? sql`c.position nulls last, s.id`
      : options.order === 'section'
        ? sql`sec.position nulls last, s.id`
        : sql`s.id`;
  const query = sql<RawRow[]>`
    select s.id::text as id, s.tracking_code, s.title, s.body, s.channel, s.submitter_type, s.status,
      s.decision_reason, s.public_reply, s.public_summary,
      to_json(s.submitted_at) #>> '{}' as submitted_at,
      to_char(s.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as submitted_local,
      s.section_id, sec.position as section_position,
      -- 第三章 主要任务, but 一、深化… (a number ending in 、 or . takes no space)
      nullif(trim(sec.number || case when sec.number ~ '[、.．]$' then '' else ' ' end || sec.heading), '') as section_label,
      c.name as category_name,
      array(select t.name from suggestion_tags st join tags t on t.id = st.tag_id
            where st.suggestion_id = s.id order by t.name) as tags,
      (select count(*)::int from suggestion_supports sp where sp.suggestion_id = s.id) as support_count
    from suggestions s
    left join plan_sections sec on sec.id = s.section_id
    left join categories c on c.id = s.category_id
    where ${whereClause(sql, filter)}
    order by ${order}`;
  for await (const raw of query.cursor(options.batchSize ?? 500)) {
    const rows = raw.map(toExportRow);
    if (options.includeContacts) {
      const contacts = await contactsForExport(
        db,
        options.viewer,
        rows.map((r) => r.id),
      );
      for (const row of rows) row.contact = contacts.get(row.id) ?? {};
    }
    yield rows;
  }
}

export function whereClause(sql: postgres.Sql, filter: ExportFilter): postgres.PendingQuery<postgres.Row[]> {
  const conditions = [sql`s.plan_id = ${filter.planId}`];
  if (filter.statuses.length > 0) conditions.push(sql`s.status = any(${filter.statuses}::suggestion_status[])`);
  // Without a status filter, spam and duplicates stay out (the original is exported).
  else conditions.push(sql`s.status not in ('spam', 'duplicate')`);
  if (filter.categoryId) conditions.push(sql`s.category_id = ${filter.categoryId}`);
  if (filter.sectionId) conditions.push(sql`s.section_id = ${filter.sectionId}`);
  if (filter.channel) conditions.push(sql`s.channel = ${filter.channel}::suggestion_channel`);
  if (filter.submitterType) conditions.push(sql`s.submitter_type = ${filter.submitterType}`);
  if (filter.assignee === 'none') conditions.push(sql`s.assignee_id is null`);
  else if (filter.assignee) conditions.push(sql`s.assignee_id = ${filter.assignee}`);
  if (filter.hasAttachments) conditions.push(sql`exists (select 1 from attachments a where a.suggestion_id = s.id)`);
  if (filter.tagId)
    conditions.push(
      sql`exists (select 1 from suggestion_tags st where st.suggestion_id = s.id and st.tag_id = ${filter.tagId})`,
    );
  // Calendar days in China Standard Time, the end day included.
  if (filter.from)
    conditions.push(sql`s.submitted_at >= (${filter.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (filter.to)
    conditions.push(sql`s.submitted_at < (${filter.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  return conditions.reduce((all, next) => sql`${all} and ${next}`);
}

/** The postgres.js client under Drizzle: the one pool the server opened. */
export function rawClient(db: Database): postgres.Sql {
  const client = (db as Database & { $client?: postgres.Sql }).$client;
  if (!client) throw new Error('exports need the postgres.js client behind Drizzle');
  return client;
}

type RawRow = {
  id: string;
  tracking_code: string;
  title: string;
  body: string;
  channel: SuggestionChannel;
  submitter_type: string;
  status: SuggestionStatus;
  decision_reason: string | null;
  public_reply: string | null;
  public_summary: string | null;
  submitted_at: string;
  submitted_local: string;
  section_id: number | null;
  section_label: string | null;
  section_position: number | null;
  category_name: string | null;
  tags: string[];
  support_count: number;
};

function toExportRow(r: RawRow): ExportRow {
  return {
    id: Number(r.id),
    trackingCode: r.tracking_code,
    title: r.title,
    body: r.body,
    channel: r.channel,
    submitterType: r.submitter_type,
    status: r.status,
    decisionReason: r.decision_reason,
    publicReply: r.public_reply,
    publicSummary: r.public_summary,
    submittedAt: r.submitted_at,
    submittedLocal: r.submitted_local,
    sectionId: r.section_id,
    sectionLabel: r.section_label,
    sectionPosition: r.section_position,
    categoryName: r.category_name,
    tags: r.tags,
    supportCount: r.support_count,
  };
}
