import fs from 'node:fs';
import path from 'node:path';
import type { GoalCheck } from './goals.ts';
import type { ExportFigure } from './figures/exports.ts';
import type { PageTiming } from './figures/staff-pages.ts';
import type { LoadLevel } from './figures/web-submissions.ts';

// bench/results/<date>-<size>.json, bench/RESULTS.md (the latest run of each
// size) and the table between the bench markers in README.md.

export type BenchResult = {
  date: string;
  size: number;
  machine: {
    cores: number;
    cpu: string;
    memoryGb: number;
    node: string;
    postgres: string;
    os: string;
    loadAverage: number[];
  };
  seedSeconds: number;
  totalSeconds: number;
  figures: {
    webSubmissions: {
      seconds: number;
      product: LoadLevel[];
      ceiling: LoadLevel[];
      knee: LoadLevel;
      ceilingBest: number;
      ratio: number;
      /** The same load on a `--web-only` process with `npm run worker` beside it (absent in runs before 2026-12-07). */
      split?: { product: LoadLevel[]; knee: LoadLevel; ratio: number };
    };
    triage: PageTiming[];
    search: { p50: number; p95: number; slowest: { query: string; ms: number }[] };
    exports: ExportFigure[];
    emailIntake: {
      product: { messages: number; perSecond: number; seconds: number; outcomes: Record<string, number> };
      ceiling: { messages: number; perSecond: number; seconds: number };
      ratio: number;
    };
    submissionCost: { submitColdMs: number; submitWarmMs: number; enrichmentColdMs: number; enrichmentWarmMs: number };
    coldStart: { emptyDataDirSeconds: number; existingDataDirSeconds: number };
  };
  goals: GoalCheck[];
};

const RESULTS_DIR = path.resolve('bench/results');

export function writeResult(result: BenchResult): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.date}-${result.size}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/** The latest stored run of a size (file names sort by date). */
export function latestResult(size: number): BenchResult | undefined {
  if (!fs.existsSync(RESULTS_DIR)) return undefined;
  const files = fs
    .readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith(`-${size}.json`))
    .sort();
  return files.length
    ? (JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, files.at(-1)!), 'utf8')) as BenchResult)
    : undefined;
}

const row = (cells: (string | number | null)[]) =>
  `| ${cells.map((c) => (c === null ? '—' : String(c))).join(' | ')} |`;

export function markdown(r: BenchResult): string {
  const f = r.figures;
  const lines = [
    `### ${r.size.toLocaleString('en')} suggestions (${r.date})`,
    '',
    `Machine: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB memory, ${r.machine.os}, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; load average ${r.machine.loadAverage.join(' → ')} (other work on the machine). Seeded in ${r.seedSeconds} s; whole run ${r.totalSeconds} s.`,
    '',
    '**1. Web submissions** (real form, urlencoded; product vs bare node:http insert through postgres.js)',
    '',
    row([
      'connections',
      'product req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'ceiling req/s',
      'ceiling p99 ms',
      'ratio',
    ]),
    row(['---', '---', '---', '---', '---', '---', '---', '---', '---']),
    ...f.webSubmissions.product.map((p, i) => {
      const c = f.webSubmissions.ceiling[i]!;
      return row([...loadCells(p), c.requestsPerSecond, c.p99, ratioCell(p, c)]);
    }),
    '',
    `Knee: ${f.webSubmissions.knee.connections} connections, ${f.webSubmissions.knee.requestsPerSecond} req/s = ${Math.round(f.webSubmissions.ratio * 100)}% of the ceiling's best (${f.webSubmissions.ceilingBest} req/s).`,
    '',
    ...splitLines(f.webSubmissions),
    '**2. Triage queue** (signed-in planner, 20 loads each, one at a time; queries counted by pg_stat_statements)',
    '',
    row(['page', 'p50 ms', 'p95 ms', 'queries per page']),
    row(['---', '---', '---', '---']),
    ...f.triage.map((p) => row([p.name, p.p50, p.p95, p.queries])),
    '',
    `**3. Search** (20 queries on the main plan: common, rare, Traditional, phrases, exclusions, OR): p50 ${f.search.p50} ms, p95 ${f.search.p95} ms; slowest ${f.search.slowest.map((s) => `${s.query} ${s.ms} ms`).join(', ')}.`,
    '',
    '**4. Exports** (the main plan, no contact columns, read to the end over HTTP; server RSS sampled every 10 ms)',
    '',
    row(['format', 'rows', 'seconds', 'MB', 'rows/s', 'server RSS growth MB']),
    row(['---', '---', '---', '---', '---', '---']),
    ...f.exports.map((x) =>
      row([
        x.format,
        x.rows,
        x.seconds,
        x.megabytes,
        x.rowsPerSecond,
        x.format.startsWith('COPY') ? null : x.rssGrowthMb,
      ]),
    ),
    '',
    `**5. Email intake**: ${f.emailIntake.product.messages} generated messages through POST /api/intake/email at ${f.emailIntake.product.perSecond} msgs/s; mailparser alone ${f.emailIntake.ceiling.perSecond} msgs/s (${Math.round(f.emailIntake.ratio * 100)}%). Outcomes: ${Object.entries(
      f.emailIntake.product.outcomes,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    `**6. One submission in the main plan**: submitSuggestion ${f.submissionCost.submitWarmMs} ms warm, ${f.submissionCost.submitColdMs} ms with the classifier's models cold; near-duplicates + proposal ${f.submissionCost.enrichmentWarmMs} ms warm, ${f.submissionCost.enrichmentColdMs} ms cold.`,
    '',
    `**7. Cold start** (npm start to the first 200 on /): empty data folder ${f.coldStart.emptyDataDirSeconds} s, existing ${f.coldStart.existingDataDirSeconds} s.`,
    '',
    '**Goals**',
    '',
    row(['figure', 'goal', 'measured', '']),
    row(['---', '---', '---', '---']),
    ...r.goals.map((g) => row([g.figure, g.goal, g.measured, g.met ? 'met' : '**missed**'])),
    '',
  ];
  return lines.join('\n');
}

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

export function writeSummaries(sizes: number[]) {
  const runs = sizes.map(latestResult).filter((r): r is BenchResult => Boolean(r));
  const body = runs.map(markdown).join('\n');
  fs.writeFileSync(
    path.resolve('bench/RESULTS.md'),
    `# Bench results\n\nWritten by \`npm run bench\` (bench/run.ts) from the latest run of each size in bench/results/. What the figures mean and what was done about the gaps: docs/decisions/080-bench-and-what-it-found.md.\n\n${body}`,
  );
  const readme = path.resolve('README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start >= 0 && end > start)
    fs.writeFileSync(readme, `${text.slice(0, start + README_START.length)}\n${body}\n${text.slice(end)}`);
}

function splitLines(w: BenchResult['figures']['webSubmissions']): string[] {
  if (!w.split) return [];
  return [
    'The same load on a web process started with `--web-only`, with `npm run worker` in a process of its own (the deployment of docs/deploy.md):',
    '',
    row(['connections', 'product req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ratio to the ceiling']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...w.split.product.map((p, i) => row([...loadCells(p), ratioCell(p, w.ceiling[i]!)])),
    '',
    `Knee: ${w.split.knee.connections} connections, ${w.split.knee.requestsPerSecond} req/s = ${Math.round(w.split.ratio * 100)}% of the ceiling's best.`,
    '',
  ];
}

const loadCells = (p: LoadLevel) => [p.connections, p.requestsPerSecond, p.p50, p.p95, p.p99, p.errors];
const ratioCell = (p: LoadLevel, ceiling: LoadLevel) =>
  `${Math.round((p.requestsPerSecond / ceiling.requestsPerSecond) * 100)}%`;
