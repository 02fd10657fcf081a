import path from 'node:path';
import postgres from 'postgres';
import { connect } from '../../db/client.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { createStaff, type TestStaff } from '../factories/staff.ts';
import { freePort } from '../faults/helpers/web-process.ts';
import { healthy, loggedStart, startCompiled, type CompiledProcess } from '../integration/helpers/compiled-process.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { startDovecot, type Dovecot } from '../setup/dovecot.ts';
import { FAKE_SECRET, FAKE_SITEKEY, startFakeHcaptcha, type FakeHcaptcha } from '../setup/fake-hcaptcha.ts';
import { startSmtpSink } from '../setup/smtp-sink.ts';
import { startNginx, startPgBouncer, startReplicatedPostgres, type Daemon, type Replicated } from './infra.ts';

// The deployment of docs/deploy.md with its real parts (decisions 087, 099):
// nginx balancing two web processes round-robin; the web processes on
// PgBouncer in transaction mode (DATABASE_PREPARE=0) and on a streaming
// standby for their lag-tolerant reads (DATABASE_REPLICA_URL); two workers on
// a direct connection, both watching one Dovecot mailbox; PostgreSQL 15
// primary and standby from Debian's packages.

export const SLUG = 'nanhu-14th-five-year-plan';
export const DATABASE = 'jianyan';
const root = path.resolve('.tmp/scale-infra');

/** A process and every line it wrote (the watcher keeps only its last 20 kB). */
export type Logged = CompiledProcess & { lines: () => Record<string, unknown>[] };

export type Deployment = {
  pg: Replicated;
  bouncer: Daemon;
  nginx: Daemon;
  dovecot: Dovecot;
  sink: Awaited<ReturnType<typeof startSmtpSink>>;
  captcha: FakeHcaptcha;
  primary: ReturnType<typeof connect>;
  standby: postgres.Sql;
  webs: Logged[];
  /** By the application_name each one's connections carry (its DATABASE_URL says it). */
  workers: Map<string, Logged>;
  site: string;
  planner: TestStaff;
  planId: number;
  /** DATABASE_URL through PgBouncer, as the web processes have it. */
  bouncerUrl: (database?: string) => string;
};

export async function startDeployment(): Promise<Deployment> {
  const pg = await startReplicatedPostgres(path.join(root, 'pg'));
  const admin = postgres(pg.primaryUrl('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${DATABASE}`);
  await admin.end();
  // Migrations on a direct connection, once, before any process starts (decision 097).
  await migrateDatabase(pg.primaryUrl(DATABASE));
  const primary = connect(pg.primaryUrl(DATABASE), 2);
  await seedIfEmpty(primary.db);
  const planner = await createStaff(primary.db, { role: 'planner' });
  const planId = (await primary.sql<{ id: number }[]>`select id from plans where slug = ${SLUG}`)[0]!.id;
  const standby = postgres(pg.standbyUrl(DATABASE), { max: 1, onnotice: () => {} });

  const bouncer = await startPgBouncer(path.join(root, 'pgbouncer'), {
    port: pg.primaryPort,
    database: DATABASE,
    password: pg.password,
  });
  const bouncerUrl = (database = DATABASE) =>
    `postgres://postgres:${encodeURIComponent(pg.password)}@127.0.0.1:${bouncer.port}/${database}`;
  const [sink, captcha, dovecot] = await Promise.all([startSmtpSink(), startFakeHcaptcha(), startDovecot()]);
  const common = {
    CONTACT_KEY: TEST_CONTACT_KEY,
    SMTP_URL: sink.url,
    HCAPTCHA_SITEKEY: FAKE_SITEKEY,
    HCAPTCHA_SECRET: FAKE_SECRET,
    HCAPTCHA_VERIFY_URL: captcha.verifyUrl,
    WORKER_POLL_SECONDS: '0.2',
    MIGRATE_ON_START: '0',
  };
  const webPorts = [await freePort(), await freePort()];
  const webs = await Promise.all(
    webPorts.map(async (port, i) =>
      logged(
        await startCompiled({
          name: `infra-web-${i}`,
          entry: 'main',
          args: ['--web-only'],
          env: {
            ...common,
            DATABASE_URL: bouncerUrl(),
            DATABASE_PREPARE: '0',
            DATABASE_POOL_MAX: '4',
            DATABASE_REPLICA_URL: pg.standbyUrl(DATABASE),
            TRUST_PROXY: 'loopback',
            PORT: String(port),
            HOST: '127.0.0.1',
          },
          ready: healthy(`http://127.0.0.1:${port}`),
        }),
      ),
    ),
  );
  // Workers connect directly (decision 099); application_name tells their sessions apart in pg_locks.
  const names = ['jianyan-worker-a', 'jianyan-worker-b'];
  const started = await Promise.all(
    names.map(async (name) =>
      logged(
        await startCompiled({
          name,
          entry: 'worker',
          env: {
            ...common,
            DATABASE_URL: `${pg.primaryUrl(DATABASE)}?application_name=${name}`,
            INTAKE_IMAP_URL: dovecot.url,
            INTAKE_POLL_SECONDS: '1',
          },
          ready: loggedStart,
        }),
      ),
    ),
  );
  const workers = new Map(names.map((name, i) => [name, started[i]!]));
  // SCALE_INFRA_PORT picks nginx's port (a shared machine gives each checkout its own); any free one otherwise.
  const nginxPort = Number(process.env.SCALE_INFRA_PORT) || (await freePort());
  const nginx = await startNginx(path.join(root, 'nginx'), webPorts, nginxPort);
  return {
    pg,
    bouncer,
    nginx,
    dovecot,
    sink,
    captcha,
    primary,
    standby,
    webs,
    workers,
    site: `http://127.0.0.1:${nginxPort}`,
    planner,
    planId,
    bouncerUrl,
  };
}

export async function stopDeployment(d: Partial<Deployment>): Promise<void> {
  await Promise.all([...(d.webs ?? []), ...(d.workers?.values() ?? [])].map((p) => p.kill('SIGTERM')));
  await d.nginx?.stop();
  await d.bouncer?.stop();
  await d.standby?.end();
  await d.primary?.sql.end();
  await d.sink?.close();
  await d.captcha?.close();
  await d.dovecot?.stop();
  d.pg?.stop();
}

function logged(process: CompiledProcess): Logged {
  const chunks: string[] = [];
  process.child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return Object.assign(process, {
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  });
}
