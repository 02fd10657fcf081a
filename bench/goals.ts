import type { BenchResult } from './report.ts';

// The goals of issue 16, checked on a run's figures. A goal that compares
// sizes (triage, search, one submission) is checked on a run of 1M or more
// against the latest 10k run on this machine; the 10k run records the base.

export type GoalCheck = { figure: string; goal: string; measured: string; met: boolean };

export function checkGoals(r: BenchResult, base: BenchResult | undefined): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const add = (figure: string, goal: string, measured: string, met: boolean) =>
    checks.push({ figure, goal, measured, met });
  const w = r.figures.webSubmissions;
  add(
    '1 web submissions',
    'product ≥ 50% of the bare insert at the knee',
    `${w.knee.requestsPerSecond} / ${w.ceilingBest} req/s = ${pct(w.ratio)}`,
    w.ratio >= 0.5,
  );
  if (w.split)
    add(
      '1 web submissions, web and worker processes',
      'product ≥ 50% of the bare insert at the knee',
      `${w.split.knee.requestsPerSecond} / ${w.ceilingBest} req/s = ${pct(w.split.ratio)}`,
      w.split.ratio >= 0.5,
    );
  add(
    '1 web submissions',
    '0 errors at every concurrency',
    `${w.product.reduce((n, l) => n + l.errors, 0)} errors`,
    w.product.every((l) => l.errors === 0),
  );
  add(
    '1 web submissions',
    'p99 < 250 ms at the knee',
    `p99 ${w.knee.p99} ms at ${w.knee.connections} connections`,
    w.knee.p99 < 250,
  );
  const t = r.figures.triage;
  // The filtered first page and a keyset page deep in the same filter cost the same queries.
  const [first, deep] = t.slice(1);
  add(
    '2 triage',
    'a deep keyset page costs the queries of the first',
    `${first?.queries ?? '—'} and ${deep?.queries ?? '—'}`,
    first?.queries === deep?.queries && first?.queries !== null,
  );
  const e = r.figures.exports;
  const copy = e.find((x) => x.format.startsWith('COPY'))!;
  const csv = e.find((x) => x.format === 'csv')!;
  add(
    '4 exports',
    'CSV ≥ 50% of COPY’s rows/s',
    `${csv.rowsPerSecond} / ${copy.rowsPerSecond} rows/s = ${pct(csv.rowsPerSecond / copy.rowsPerSecond)}`,
    csv.rowsPerSecond >= 0.5 * copy.rowsPerSecond,
  );
  for (const x of e.filter((x) => !x.format.startsWith('COPY')))
    add('4 exports', `${x.format}: server RSS growth < 200 MB`, `${x.rssGrowthMb} MB`, x.rssGrowthMb < 200);
  const m = r.figures.emailIntake;
  add(
    '5 email intake',
    'pipeline ≥ 50% of mailparser alone',
    `${m.product.perSecond} / ${m.ceiling.perSecond} msgs/s = ${pct(m.ratio)}`,
    m.ratio >= 0.5,
  );
  if (r.size >= 1_000_000) {
    if (!base) {
      add('2, 3, 6 at scale', 'a 10k run on this machine to compare with', 'none in bench/results/', false);
      return checks;
    }
    for (const page of t) {
      const before = base.figures.triage.find((p) => p.name.split(' at row')[0] === page.name.split(' at row')[0]);
      if (!before) continue;
      add(
        '2 triage',
        `${page.name}: p95 ≤ 1.5× the 10k run`,
        `${page.p95} / ${before.p95} ms = ${(page.p95 / before.p95).toFixed(2)}×`,
        page.p95 <= 1.5 * before.p95,
      );
      add(
        '2 triage',
        `${page.name}: queries as at 10k`,
        `${page.queries} vs ${before.queries}`,
        page.queries === before.queries,
      );
    }
    const s = r.figures.search;
    add(
      '3 search',
      'p95 ≤ 3× the 10k run',
      `${s.p95} / ${base.figures.search.p95} ms = ${(s.p95 / base.figures.search.p95).toFixed(2)}×`,
      s.p95 <= 3 * base.figures.search.p95,
    );
    const c = r.figures.submissionCost;
    const b = base.figures.submissionCost;
    for (const key of ['enrichmentWarmMs', 'enrichmentColdMs', 'submitWarmMs'] as const)
      add(
        '6 one submission',
        `${key}: ≤ 1.5× the 10k run`,
        `${c[key]} / ${b[key]} ms = ${(c[key] / b[key]).toFixed(2)}×`,
        c[key] <= 1.5 * b[key],
      );
  }
  return checks;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
