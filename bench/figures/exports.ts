import type postgres from 'postgres';
import type { Corpus } from '../corpus/seed.ts';
import { withPeakRss } from '../setup/server.ts';
import { round } from './stats.ts';

// Figure 4: a planner's export of the whole main plan (no contact columns),
// read to the end over HTTP, timed, with the server's peak RSS growth sampled
// from /proc every 10 ms. Ceiling: COPY of the same query TO STDOUT WITH CSV
// through postgres.js, consumed the same way.

export type ExportFigure = {
  format: string;
  seconds: number;
  megabytes: number;
  rows: number;
  rowsPerSecond: number;
  rssGrowthMb: number;
};

// The SELECT of app/domain/exports/export-rows.server.ts for a plan with no other filter.
const exportSelect = (planId: number) => `
  select s.id, s.tracking_code, s.title, s.body, s.channel, s.submitter_type, s.status,
    s.decision_reason, s.public_reply, s.public_summary,
    to_json(s.submitted_at) #>> '{}' as submitted_at,
    to_char(s.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as submitted_local,
    s.section_id, sec.position as section_position,
    nullif(trim(sec.number || case when sec.number ~ '[、.．]$' then '' else ' ' end || sec.heading), '') as section_label,
    c.name as category_name,
    array(select t.name from suggestion_tags st join tags t on t.id = st.tag_id where st.suggestion_id = s.id order by t.name) as tags
  from suggestions s
  left join plan_sections sec on sec.id = s.section_id
  left join categories c on c.id = s.category_id
  where s.plan_id = ${planId} and s.status not in ('spam', 'duplicate')
  order by s.id`;

async function drain(body: AsyncIterable<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of body) bytes += chunk.byteLength;
  return bytes;
}

export async function copyCeiling(sql: postgres.Sql, corpus: Corpus): Promise<ExportFigure> {
  const [count] = await sql<
    { n: number }[]
  >`select count(*)::int as n from suggestions where plan_id = ${corpus.mainPlan.id} and status not in ('spam', 'duplicate')`;
  const n = count!.n;
  const started = performance.now();
  const readable = await sql.unsafe(`copy (${exportSelect(corpus.mainPlan.id)}) to stdout with csv header`).readable();
  const bytes = await drain(readable);
  const seconds = (performance.now() - started) / 1000;
  return {
    format: 'COPY … TO STDOUT (csv)',
    seconds: round(seconds, 2),
    megabytes: round(bytes / 2 ** 20),
    rows: n,
    rowsPerSecond: Math.round(n / seconds),
    rssGrowthMb: 0,
  };
}

export async function exportOverHttp(o: {
  base: string;
  cookie: string;
  pid: number;
  corpus: Corpus;
  format: 'csv' | 'xlsx' | 'docx';
  rows: number;
}): Promise<ExportFigure> {
  const form = new URLSearchParams({ planId: String(o.corpus.mainPlan.id), format: o.format });
  const measured = await withPeakRss(o.pid, async () => {
    const started = performance.now();
    const response = await fetch(`${o.base}/admin/exports/download`, {
      method: 'POST',
      headers: { cookie: o.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    if (response.status !== 200 || !response.body) throw new Error(`${o.format} export answered ${response.status}`);
    const bytes = await drain(response.body);
    return { bytes, seconds: (performance.now() - started) / 1000 };
  });
  const { bytes, seconds } = measured.result;
  return {
    format: o.format,
    seconds: round(seconds, 2),
    megabytes: round(bytes / 2 ** 20),
    rows: o.rows,
    rowsPerSecond: Math.round(o.rows / seconds),
    rssGrowthMb: Math.round(measured.growthMb),
  };
}
