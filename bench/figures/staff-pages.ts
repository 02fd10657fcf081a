import type postgres from 'postgres';
import { createSession } from '../../app/domain/accounts/sessions.server.ts';
import { createStaffUser } from '../../app/domain/accounts/staff.server.ts';
import { encodeCursor } from '../../app/domain/moderation/cursor.server.ts';
import { connect } from '../../db/client.server.ts';
import type { Corpus } from '../corpus/seed.ts';
import { percentile, round, timed } from './stats.ts';

// Figures 2 and 3: triage pages and staff search, loaded by a signed-in planner
// (reads the queue and exports; no second factor to enrol) with a session row made by the product, as the Playwright fixture
// does), one request at a time. Queries per page come from pg_stat_statements:
// the fewest seen over seven single loads, so that a worker poll landing in
// the same moment is not counted as the page's.

export async function staffCookie(databaseUrl: string): Promise<string> {
  const { db, sql } = connect(databaseUrl, 1);
  try {
    const { id } = await createStaffUser(
      db,
      {
        email: `bench-${Date.now()}@bench.jianyan.invalid`,
        name: '基准测试规划处',
        role: 'planner',
        password: `bench ${Math.random()}`,
        grants: [],
      },
      { actorId: null },
    );
    const { token } = await createSession(db, { userId: id, awaitingSecondFactor: false });
    // NODE_ENV=production: the __Host- cookie (app/web/session-cookie.server.ts).
    return `__Host-jianyan_staff=${token}`;
  } finally {
    await sql.end();
  }
}

export type PageTiming = {
  name: string;
  path: string;
  p50: number;
  p95: number;
  queries: number | null;
  rows?: number;
};

async function load(url: string, cookie: string): Promise<number> {
  // No redirects followed: a redirect to the sign-in page would otherwise pass as a 200.
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
  return body.length;
}

async function queriesPerLoad(sql: postgres.Sql | undefined, url: string, cookie: string): Promise<number | null> {
  if (!sql) return null;
  let fewest = Infinity;
  for (let i = 0; i < 7; i++) {
    await sql`select pg_stat_statements_reset()`;
    await load(url, cookie);
    const [counted] = await sql<{ calls: number }[]>`
      select coalesce(sum(calls), 0)::int as calls from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%'`;
    fewest = Math.min(fewest, counted!.calls);
  }
  return fewest;
}

export async function timePage(o: {
  base: string;
  cookie: string;
  name: string;
  path: string;
  loads: number;
  stats?: postgres.Sql;
}): Promise<PageTiming> {
  const url = o.base + o.path;
  for (let i = 0; i < 3; i++) await load(url, o.cookie);
  const samples: number[] = [];
  for (let i = 0; i < o.loads; i++) samples.push((await timed(() => load(url, o.cookie))).ms);
  return {
    name: o.name,
    path: o.path,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    queries: await queriesPerLoad(o.stats, url, o.cookie),
  };
}

/** Triage: the filtered first page and a keyset page halfway down the same filter. */
export async function triagePages(o: {
  base: string;
  cookie: string;
  corpus: Corpus;
  sql: postgres.Sql;
  stats?: postgres.Sql;
}) {
  const plan = o.corpus.mainPlan;
  const category = plan.categoryIds[1]!;
  const filter = `plan=${plan.id}&status=received&category=${category}`;
  const [count] = await o.sql<
    { n: number }[]
  >`select count(*)::int as n from suggestions where plan_id = ${plan.id} and status = 'received' and category_id = ${category}`;
  const n = count!.n;
  const [middle] = await o.sql<{ id: string; at: string }[]>`
    select id::text, submitted_at::text as at from suggestions
    where plan_id = ${plan.id} and status = 'received' and category_id = ${category}
    order by submitted_at desc, id desc offset ${Math.floor(n / 2)} limit 1`;
  const deep = encodeCursor({ key: middle!.at, id: Number(middle!.id) });
  const pages = [
    { name: 'first page, no filter', path: `/admin/suggestions` },
    { name: 'first page, plan + status + category', path: `/admin/suggestions?${filter}` },
    {
      name: `keyset page at row ${Math.floor(n / 2).toLocaleString('en')} of the filter`,
      path: `/admin/suggestions?${filter}&after=${encodeURIComponent(deep)}`,
    },
  ];
  const timings = [];
  for (const page of pages) timings.push(await timePage({ ...o, ...page, loads: 20 }));
  return timings;
}

// Common words, rare words, Traditional script, phrases, exclusions, OR.
export const SEARCH_QUERIES = [
  '建议',
  '食堂',
  '校园网',
  '图书馆 开放时间',
  '青年教师 职称',
  '心理咨询师',
  '人脸数据',
  '立体停车场',
  '圖書館',
  '建議擴大',
  '港澳台',
  '"实践教学的学分比例"',
  '“延长开放时间”',
  '食堂 -价格',
  '宿舍 -热水',
  '停车 OR 快递',
  '实验室 设备 老化',
  '代表作评价',
  '产业学院',
  '一网通办',
];

export async function searchPages(o: { base: string; cookie: string; corpus: Corpus }) {
  const samples: number[] = [];
  const each: { query: string; ms: number }[] = [];
  for (const query of SEARCH_QUERIES) {
    const url = `${o.base}/admin/suggestions?plan=${o.corpus.mainPlan.id}&q=${encodeURIComponent(query)}`;
    await load(url, o.cookie);
    const { ms } = await timed(() => load(url, o.cookie));
    samples.push(ms);
    each.push({ query, ms: round(ms) });
  }
  return {
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    slowest: [...each].sort((a, b) => b.ms - a.ms).slice(0, 3),
  };
}
