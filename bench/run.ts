import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { recountPlan } from '../app/domain/categorize/classifier.server.ts';
import { connect } from '../db/client.server.ts';
import { startSmtpSink } from '../tests/setup/smtp-sink.ts';
import '../tests/setup/contact-keyring.ts';
import { seedCorpus } from './corpus/seed.ts';
import { coldStart } from './figures/cold-start.ts';
import { EMAIL_MARKER, generateMessages, intakeOverHttp, mailparserCeiling } from './figures/email-intake.ts';
import { copyCeiling, exportOverHttp } from './figures/exports.ts';
import { searchPages, staffCookie, triagePages } from './figures/staff-pages.ts';
import { round } from './figures/stats.ts';
import { submissionCost } from './figures/submission-cost.ts';
import { knee, loadLevels, startBareInsertServer } from './figures/web-submissions.ts';
import { checkGoals } from './goals.ts';
import { latestResult, markdown, writeResult, writeSummaries, type BenchResult } from './report.ts';
import { startCaptchaProcess } from './setup/captcha-process.ts';
import { openBenchDatabase } from './setup/database.ts';
import { startServer, startWorkerProcess } from './setup/server.ts';

// `npm run bench [-- --size 1000000] [--profile]`: the production build on a
// seeded corpus, seven figures each beside its ceiling (issue 16), results in
// bench/results/, bench/RESULTS.md and README.md. Exits 1 when a goal is
// missed. Only 127.0.0.1; ports BENCH_PORT (3131) to BENCH_PORT + 3.
// The segmenter comparison of decision 040 is separate: `node --import tsx bench/segmenter.ts`.

const args = process.argv.slice(2);
const size = Number(args[args.indexOf('--size') + 1] || 0) || 10_000;
if (args.includes('--size') && !(Number(args[args.indexOf('--size') + 1]) >= 1000)) {
  console.error('--size wants a number of suggestions, at least 1000');
  process.exit(2);
}
const port = Number(process.env.BENCH_PORT ?? 3131);
const large = size >= 1_000_000;
const started = performance.now();
const loadAtStart = os.loadavg()[0]!;
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const database = await openBenchDatabase(`bench_${size}`);
const sql = postgres(database.url, { max: 6, onnotice: () => {} });
const stats = database.countsQueries ? postgres(database.url, { max: 1, onnotice: () => {} }) : undefined;
const { db, sql: drizzleSql } = connect(database.url, 2);
// In a process of its own, so that the load generator never delays its answers.
const captcha = await startCaptchaProcess();
const sink = await startSmtpSink();
const servers: { stop: () => Promise<void> }[] = [];
// Ctrl-C: stop the servers and PostgreSQL before leaving.
process.once('SIGINT', () => {
  console.error('interrupted: stopping');
  void Promise.all(servers.map((s) => s.stop().catch(() => {})))
    .then(() => database.stop())
    .finally(() => process.exit(130));
});

try {
  log(`seeding ${size.toLocaleString('en')} suggestions`);
  const seedStarted = performance.now();
  // Triggers off while COPY loads rows whose consistency the seeder checks:
  // the classifier's counts are then taken once by the product's recount.
  const seedSql = postgres(database.url, {
    max: 6,
    onnotice: () => {},
    connection: { session_replication_role: 'replica' },
  });
  const corpus = await seedCorpus(seedSql, size, log).finally(() => seedSql.end());
  for (const plan of corpus.plans) await db.transaction((tx) => recountPlan(tx, plan.id));
  await sql.unsafe('vacuum analyze');
  await sql`update plans set email_marker = ${EMAIL_MARKER} where id = ${corpus.mainPlan.id}`;
  corpus.seconds = (performance.now() - seedStarted) / 1000;
  log(`seeded, counted and analysed in ${round(corpus.seconds)} s`);

  log('6. one submission (in process, rolled back)');
  const cost = await submissionCost(db, corpus);

  const serverOptions = { captchaVerifyUrl: captcha.verifyUrl, smtpUrl: sink.url };
  // --profile: the server writes a CPU profile when it stops (summary: bench/profile-summary.ts).
  const profile = args.includes('--profile')
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('.tmp/bench-profile')}`]
    : [];
  const server = await startServer({ ...serverOptions, port, databaseUrl: database.url, extraArgs: profile });
  servers.push(server);
  const cookie = await staffCookie(database.url);

  log('2. triage pages');
  const triage = await triagePages({ base: server.url, cookie, corpus, sql, stats });
  log('3. search');
  const search = await searchPages({ base: server.url, cookie, corpus });

  log('4. exports');
  const copy = await copyCeiling(sql, corpus);
  const exported = [copy];
  for (const format of ['csv', 'xlsx', 'docx'] as const) {
    exported.push(await exportOverHttp({ base: server.url, cookie, pid: server.pid, corpus, format, rows: copy.rows }));
    log(`   ${format} done`);
  }

  log('1. web submissions');
  const seconds = large ? 10 : 5;
  const levels = [1, 10, 50];
  const product = await loadLevels(server.url, corpus.mainPlan, levels, seconds);
  const bare = await startBareInsertServer(database.url, port + 2, corpus.mainPlan);
  servers.push(bare);
  const ceiling = await loadLevels(bare.url, corpus.mainPlan, levels, seconds);
  await bare.stop();
  const productKnee = knee(product);
  const ceilingBest = Math.max(...ceiling.map((l) => l.requestsPerSecond));

  log('5. email intake');
  // 10,000 messages at full size (issue 16); fewer at 10k to stay within its 3 minutes.
  const messages = await generateMessages(large ? 10_000 : 300);
  const mailCeiling = await mailparserCeiling(messages);
  const mailProduct = await intakeOverHttp(server.url, messages);
  await server.stop();

  log('1. web submissions, web and worker processes');
  // Then the deployment shape of docs/deploy.md: a web process with
  // --web-only and a worker process beside it (decision 095). The worker finds
  // the enrichments the runs above left queued, as after any burst. On two
  // cores it still shares the CPU, but no longer the web process's event loop.
  const webOnly = await startServer({
    ...serverOptions,
    port: port + 1,
    databaseUrl: database.url,
    entryArgs: ['--web-only'],
  });
  servers.push(webOnly);
  const worker = startWorkerProcess({ ...serverOptions, port: port + 1, databaseUrl: database.url });
  servers.push(worker);
  const split = await loadLevels(webOnly.url, corpus.mainPlan, levels, seconds);
  await webOnly.stop();
  await worker.stop();

  log('7. cold start');
  const cold = await coldStart({ ...serverOptions, port: port + 3 });

  const result: BenchResult = {
    date: new Date().toISOString().slice(0, 10),
    size,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: database.version,
      os: `${os.type()} ${os.release()}`,
      // Other work on the machine slows every figure: the 1-minute load average at the start and the end.
      loadAverage: [round(loadAtStart), round(os.loadavg()[0]!)],
    },
    seedSeconds: round(corpus.seconds),
    totalSeconds: 0,
    figures: {
      webSubmissions: {
        seconds,
        product,
        ceiling,
        knee: productKnee,
        ceilingBest,
        ratio: round(productKnee.requestsPerSecond / ceilingBest, 3),
        split: { product: split, knee: knee(split), ratio: round(knee(split).requestsPerSecond / ceilingBest, 3) },
      },
      triage,
      search,
      exports: exported,
      emailIntake: {
        product: mailProduct,
        ceiling: mailCeiling,
        ratio: round(mailProduct.perSecond / mailCeiling.perSecond, 3),
      },
      submissionCost: cost,
      coldStart: cold,
    },
    goals: [],
  };
  result.goals = checkGoals(result, large ? latestResult(10_000) : undefined);
  result.totalSeconds = round((performance.now() - started) / 1000);
  const file = writeResult(result);
  writeSummaries([10_000, 1_000_000, ...(size === 10_000 || size === 1_000_000 ? [] : [size])]);
  console.log(`\n${markdown(result)}\nwritten: ${file}, bench/RESULTS.md, README.md`);
  const missed = result.goals.filter((g) => !g.met);
  if (missed.length > 0) {
    console.error(
      `\n${missed.length} goal(s) missed:\n${missed.map((g) => `  - ${g.figure}: ${g.goal} — measured ${g.measured}`).join('\n')}`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const s of servers) await s.stop().catch(() => {});
  await Promise.all([sql.end(), stats?.end(), drizzleSql.end(), captcha.close(), sink.close()]);
  await database.stop();
}
