import { permissions } from '../app/domain/authorization/permissions.ts';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { parseExportRequest } from '../app/domain/exports/export-filter.ts';
import { startExport } from '../app/domain/exports/run-export.server.ts';
import { connect } from '../db/client.server.ts';
import { startEmbeddedDatabase } from '../db/embedded.server.ts';
import { migrateDatabase } from '../db/migrate.server.ts';

// Streams XLSX and CSV exports of BENCH_ROWS suggestions (default 200,000;
// the target is 1,000,000) and reports time to first byte, total time and the
// growth of the process's peak RSS over its level before the export. The
// target is < 200 MB at a million rows (issue 7). Not a test: numbers go to
// docs/decisions/020-streaming-exports.md.
//   BENCH_ROWS=1000000 npm run bench -- export-memory
//   DATABASE_URL=postgres://… uses that server (a database bench_exports is recreated there).

const rows = Number(process.env.BENCH_ROWS ?? 200_000);
const log = { info: () => {}, warn: (m: string) => console.warn(m), debug: () => {} };
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase({ dataDir: path.resolve('.tmp/bench-pg'), databaseName: 'postgres', log });
const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists bench_exports with (force)');
await admin.unsafe('create database bench_exports');
await admin.end();
const url = new URL(adminUrl);
url.pathname = '/bench_exports';
await migrateDatabase(url.toString());
const { db, sql } = connect(url.toString(), 4);

try {
  let started = performance.now();
  const planId = await insertSuggestions(sql, rows);
  console.log(`inserted ${rows.toLocaleString('en')} suggestions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const out = path.resolve('.tmp/bench-export');
  fs.mkdirSync(out, { recursive: true });
  const results = [];
  for (const format of ['csv', 'xlsx'] as const) {
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    const baselineHeap = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    started = performance.now();
    let firstByte = 0;
    let bytes = 0;
    const file = path.join(out, `export.${format}`);
    const form = new FormData();
    form.set('planId', String(planId));
    form.set('format', format);
    const request = parseExportRequest(form);
    if (!request.ok) throw new Error('invalid export request');
    const exported = startExport(db, request.value, {
      plan: { id: planId, slug: 'bench', title: 'bench', opensAt: null, closesAt: null },
      viewer: { id: 0, permissions: new Set(permissions) },
      baseUrl: 'https://jianyan.example.edu.cn',
      onError: (error) => console.error(error),
    });
    const toDisk = fs.createWriteStream(file);
    const meter = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (bytes === 0) firstByte = performance.now() - started;
        bytes += chunk.length;
        if (toDisk.write(chunk)) done();
        else toDisk.once('drain', () => done());
      },
      final(done) {
        toDisk.end(done);
      },
    });
    await pipeline(exported.body, meter);
    const total = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    // What the export left behind once collected: near zero means no leak,
    // and the peak was garbage the collector had not yet reclaimed.
    globalThis.gc?.();
    const retained = process.memoryUsage().heapUsed - baselineHeap;
    results.push({
      format,
      rows,
      'first byte (ms)': Math.round(firstByte),
      'total (s)': +(total / 1000).toFixed(1),
      'rows/s': Math.round(rows / (total / 1000)),
      'file (MB)': +(bytes / 2 ** 20).toFixed(1),
      'baseline RSS (MB)': Math.round(baseline / 2 ** 20),
      'peak RSS growth (MB)': Math.round((peak - baseline) / 2 ** 20),
      'heap retained after GC (MB)': +(retained / 2 ** 20).toFixed(1),
    });
    fs.rmSync(file, { force: true });
  }
  console.table(results);
  const worst = Math.max(...results.map((r) => r['peak RSS growth (MB)']));
  console.log(worst < 200 ? `OK: peak RSS growth ${worst} MB < 200 MB` : `OVER TARGET: peak RSS growth ${worst} MB ≥ 200 MB`);
} finally {
  await sql.end({ timeout: 5 });
  await embedded?.stop();
}

async function insertSuggestions(sql: postgres.Sql, count: number): Promise<number> {
  const [plan] = await sql<{ id: number }[]>`insert into plans (slug, title, status) values ('bench', '基准测试规划', 'open') returning id`;
  const planId = plan!.id;
  await sql`insert into categories (plan_id, position, name) select ${planId}, g, '类别' || g from generate_series(1, 10) g`;
  await sql`insert into plan_sections (plan_id, position, heading, number) select ${planId}, g, '章节标题' || g, g || '、' from generate_series(1, 20) g`;
  await sql`insert into tags (plan_id, name) select ${planId}, '标签' || g from generate_series(1, 30) g`;
  // Realistic text: a title and a 200-character body with commas and a quote.
  await sql`
    insert into suggestions (tracking_code, plan_id, category_id, section_id, title, body, channel, submitter_type, status, decision_reason, submitted_at)
    select 'JY-B' || lpad(g::text, 7, '0'), ${planId},
      (select min(id) from categories where plan_id = ${planId}) + g % 10,
      case when g % 4 = 0 then null else (select min(id) from plan_sections where plan_id = ${planId}) + g % 20 end,
      '关于规划第' || (g % 20) || '部分的建议 #' || g,
      repeat('建议进一步完善相关表述，明确“目标、任务”和保障措施, ', 8),
      (array['web','email','letter','phone','visit','symposium'])[1 + g % 6]::suggestion_channel,
      (array['在校学生','教职工','校友','社会人士','单位或团体'])[1 + g % 5],
      (array['received','in_review','adopted','partially_adopted','not_adopted'])[1 + g % 5]::suggestion_status,
      case when g % 5 in (2, 3, 4) then '与规划方向一致，已在修改稿中体现。' end,
      now() - make_interval(secs => g * 2)
    from generate_series(1, ${count}) g`;
  await sql`
    insert into suggestion_tags (suggestion_id, tag_id)
    select s.id, (select min(id) from tags where plan_id = ${planId}) + s.id % 30 from suggestions s where s.plan_id = ${planId} and s.id % 3 = 0`;
  await sql`analyze`;
  return planId;
}
