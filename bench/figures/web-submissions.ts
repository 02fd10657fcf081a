import autocannon from 'autocannon';
import crypto from 'node:crypto';
import { fork } from 'node:child_process';
import path from 'node:path';
import type { Corpus } from '../corpus/seed.ts';
import { pick, prng, suggestionText } from '../corpus/texts.ts';
import { percentile, round } from './stats.ts';

// Figure 1: the real form (urlencoded, as a browser without JavaScript posts
// it) at increasing concurrency, against the product and against the bare
// node:http ceiling (bare-insert-server.ts). Every request is a new form
// instance (its own intake key) with a fresh captcha token. Success is the
// 302 to the receipt; anything else counts as an error.

export type LoadLevel = {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
};

export async function loadLevels(
  url: string,
  plan: Corpus['mainPlan'],
  levels: number[],
  seconds: number,
): Promise<LoadLevel[]> {
  const results: LoadLevel[] = [];
  let n = 0;
  const random = prng(424242);
  for (const connections of levels) {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let finish!: (result: autocannon.Result) => void;
    let fail!: (error: Error) => void;
    const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: `/plans/${plan.slug}/suggest`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            setupRequest: (request) => {
              n += 1;
              const text = suggestionText(random, random() < 0.05);
              const form = new URLSearchParams({
                intakeKey: crypto.randomUUID(),
                categoryId: String(pick(random, plan.categoryIds)),
                sectionId: String(pick(random, plan.sectionIds)),
                title: text.title,
                body: text.body,
                submitterType: '在校学生',
                name: '基准测试',
                email: `load${n}@example.edu.cn`,
                consent: 'on',
                publication: 'none',
                'h-captcha-response': `pass-bench-${n}-${crypto.randomBytes(4).toString('hex')}`,
              });
              return { ...request, body: form.toString() };
            },
          },
        ],
      },
      (error, result) => (error ? fail(error) : finish(result)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      latencies.push(responseTime);
    });
    const result = await done;
    // React Router answers a successful form post with 303 See Other; the bare server with 302.
    const ok = (statuses['302'] ?? 0) + (statuses['303'] ?? 0);
    const errors = result.errors + result.timeouts + (latencies.length - ok);
    results.push({
      connections,
      requestsPerSecond: round(ok / seconds),
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      errors,
      statuses,
    });
  }
  return results;
}

/** The lowest concurrency that reaches 90% of the best throughput seen. */
export function knee(levels: LoadLevel[]): LoadLevel {
  const best = Math.max(...levels.map((l) => l.requestsPerSecond));
  return levels.find((l) => l.requestsPerSecond >= 0.9 * best) ?? levels[0]!;
}

export async function startBareInsertServer(databaseUrl: string, port: number, plan: Corpus['mainPlan']) {
  const child = fork(path.resolve('bench/figures/bare-insert-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_PORT: String(port),
      BENCH_SETTINGS: JSON.stringify({
        planId: plan.id,
        categoryIds: plan.categoryIds,
        sectionIds: plan.sectionIds,
        submitterTypes: ['在校学生', '教职工', '校友', '社会人士', '单位或团体'],
        bodyMinLength: 10,
        bodyMaxLength: 5000,
        allowAnonymous: true,
      }),
    },
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the bare insert server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
