import type postgres from 'postgres';

// Columns that merely being recognised writes: a session's last use is
// touched every few minutes for the idle timeout (sessions.server.ts), on a
// refused request too. Nothing else is left out.
const touched: Record<string, string[]> = { 'public.staff_sessions': ['last_seen_at'] };

/**
 * One hash per table over every row, so a test can say "nothing in the
 * database changed" without naming what might have. Tables are listed from
 * the catalog, so a table added later is covered without editing this file.
 */
export async function databaseFingerprint(sql: postgres.Sql): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }[]>`
    select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') and table_name <> '__drizzle_migrations'
    order by 1`;
  const query = tables
    .map(({ name }) => {
      const row = `(to_jsonb(t) - '{${(touched[name] ?? []).join(',')}}'::text[])::text`;
      return `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(${row}, '|' order by ${row})), '') as hash from ${name} t`;
    })
    .join(' union all ');
  const rows = await sql.unsafe<{ name: string; hash: string }[]>(query);
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}

/** The tables whose hash differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
