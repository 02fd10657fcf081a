import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { connect, type Database } from '../../db/client.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { recordAudit } from '../../app/domain/audit/record-audit.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { createPlan } from '../factories/plans.ts';
import { withDatabaseName } from '../setup/global-database.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { startSmtpSink } from '../setup/smtp-sink.ts';

// docs/deploy.md promises that a portal connecting as a role that does not own
// the tables cannot edit the append-only records (decisions 011, 056), while
// an owner role runs the migrations. This builds exactly that on the test
// server, with the GRANTs copied out of docs/deploy.md itself (so the doc is
// what is tested), and tries every way around the triggers a non-owner has.

const adminUrl = inject('databaseAdminUrl');
const suffix = crypto.randomBytes(4).toString('hex');
const owner = { name: `jianyan_owner_${suffix}`, password: crypto.randomBytes(12).toString('hex') };
const runtime = { name: `jianyan_app_${suffix}`, password: crypto.randomBytes(12).toString('hex') };
const databaseName = `jianyan_roles_${suffix}`;

const APPEND_ONLY = ['audit_log', 'export_log', 'publication_consent_changes'] as const;

let ownerUrl: string;
let runtimeUrl: string;
let app: { db: Database; sql: postgres.Sql };

function roleUrl(role: { name: string; password: string }): string {
  const url = new URL(withDatabaseName(adminUrl, databaseName));
  url.username = role.name;
  url.password = role.password;
  return url.toString();
}

/** The SQL block of docs/deploy.md that follows "after the first `db:migrate`", for this test's roles. */
function deployGrants(): string {
  const doc = fs.readFileSync('docs/deploy.md', 'utf8');
  const start = doc.indexOf('-- after the first `db:migrate`');
  const end = doc.indexOf('```', start);
  expect(start, 'docs/deploy.md still has its GRANT block').toBeGreaterThan(0);
  return doc
    .slice(doc.indexOf('\n', start) + 1, end)
    .replace(/\bjianyan_app\b/g, runtime.name)
    .replace(/\bjianyan_owner\b/g, owner.name);
}

async function asAdmin<T>(run: (sql: postgres.Sql) => Promise<T>, database = 'postgres'): Promise<T> {
  const sql = postgres(withDatabaseName(adminUrl, database), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

beforeAll(async () => {
  await asAdmin(async (sql) => {
    await sql.unsafe(`create role ${owner.name} login password '${owner.password}'`);
    await sql.unsafe(`create role ${runtime.name} login password '${runtime.password}'`);
    await sql.unsafe(`create database ${databaseName} owner ${owner.name}`);
  });
  // As the doc says: a superuser creates the extension once.
  await asAdmin((sql) => sql.unsafe('create extension if not exists pg_trgm'), databaseName);
  ownerUrl = roleUrl(owner);
  runtimeUrl = roleUrl(runtime);
  await migrateDatabase(ownerUrl);
  const ownerSql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await ownerSql.unsafe(deployGrants());
  } finally {
    await ownerSql.end({ timeout: 5 });
  }
  app = connect(runtimeUrl, 2);
}, 120_000);

afterAll(async () => {
  await app?.sql.end({ timeout: 5 });
  await asAdmin(async (sql) => {
    await sql.unsafe(`drop database if exists ${databaseName} with (force)`);
    await sql.unsafe(`drop role if exists ${runtime.name}`);
    await sql.unsafe(`drop role if exists ${owner.name}`);
  });
});

test('the migrations ran as the owner role: it owns every table, the runtime role owns none', async () => {
  const owners = await app.sql<{ owner: string; count: number }[]>`
    select tableowner as owner, count(*)::int as count from pg_tables
    where schemaname in ('public', 'drizzle', 'pgboss') group by tableowner`;
  expect(owners).toEqual([{ owner: owner.name, count: expect.any(Number) }]);
});

test("the portal's writes work as the runtime role: a submission, its audit entry, its queued job, and the worker delivering its mail", async () => {
  const sink = await startSmtpSink();
  try {
    const plan = await createPlan(app.db);
    const { trackingCode, id: suggestionId } = await submitSuggestion(app.db, {
      planId: plan.id,
      channel: 'phone',
      title: '运行角色的意见',
      body: '建议在图书馆增加夜间座位。',
      submitterType: '教职工',
      contact: { email: `role-split-${suffix}@example.edu.cn`, name: '王运行', phone: '13912345678' },
      trackUrl: 'http://localhost:3000/track',
    });
    await recordAudit(app.db, { actorId: null, action: 'test.role_split', targetId: suggestionId, ip: '192.0.2.7' });
    // The separate worker process, as deploy.md runs it: runtime role for work,
    // owner role only to check that the migrations ran, none applied at start.
    const worker = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: runtimeUrl,
        DATABASE_MIGRATION_URL: ownerUrl,
        MIGRATE_ON_START: '0',
        HCAPTCHA_DISABLED: '1',
        SMTP_URL: sink.url,
        MAIL_FROM: '建言 <no-reply@example.edu.cn>',
        PUBLIC_URL: 'http://localhost:3000',
        WORKER_POLL_SECONDS: '0.2',
        LOG_LEVEL: 'warn',
        CONTACT_KEY: TEST_CONTACT_KEY,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // What went wrong, if anything, for the failure message: a refused privilege is logged, not thrown.
    let stderr = '';
    worker.stdout!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    worker.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    try {
      await expect
        .poll(
          () => {
            if (worker.exitCode !== null) throw new Error(`the worker stopped: ${stderr}`);
            return sink.received.some((m) => m.raw.includes(trackingCode));
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      // The enrichment job, fetched from pg-boss's queue by the worker, wrote the search row.
      await expect
        .poll(
          async () =>
            (await app.sql`select count(*)::int as n from suggestion_search where suggestion_id = ${suggestionId}`)[0]!
              .n,
          { timeout: 60_000 },
        )
        .toBe(1)
        .catch((error: unknown) => {
          throw new Error(`no search row; the worker said: ${stderr}`, { cause: error });
        });
    } finally {
      worker.kill('SIGTERM');
      expect(await exited, stderr).toBe(0);
    }
    const [audit] = await app.sql`select count(*)::int as n from audit_log where action = 'test.role_split'`;
    expect(audit!.n).toBe(1);
  } finally {
    await sink.close();
  }
}, 120_000);

test.each(APPEND_ONLY)('the runtime role cannot truncate %s', async (table) => {
  await expect(app.sql.unsafe(`truncate ${table}`)).rejects.toThrow(/permission denied|append-only/);
});

test('an audit row written as the runtime role cannot be updated or deleted by it', async () => {
  await recordAudit(app.db, { actorId: null, action: 'test.cannot_edit' });
  await expect(app.sql`update audit_log set action = 'test.edited' where action = 'test.cannot_edit'`).rejects.toThrow(
    /append-only/,
  );
  await expect(app.sql`delete from audit_log where action = 'test.cannot_edit'`).rejects.toThrow(/append-only/);
  const [row] = await app.sql`select count(*)::int as n from audit_log where action = 'test.cannot_edit'`;
  expect(row!.n).toBe(1);
});

test.each(APPEND_ONLY)('the runtime role can neither disable nor drop the triggers that guard %s', async (table) => {
  const [trigger] = await app.sql<{ name: string }[]>`
    select tgname as name from pg_trigger where tgrelid = ${table}::regclass and not tgisinternal limit 1`;
  await expect(app.sql.unsafe(`alter table ${table} disable trigger all`)).rejects.toThrow(/must be owner/);
  await expect(app.sql.unsafe(`alter table ${table} disable trigger ${trigger!.name}`)).rejects.toThrow(
    /must be owner/,
  );
  await expect(app.sql.unsafe(`drop trigger ${trigger!.name} on ${table}`)).rejects.toThrow(/must be owner/);
  await expect(app.sql.unsafe(`drop table ${table}`)).rejects.toThrow(/must be owner/);
});

test('the runtime role cannot silence triggers by replication role, replace the guard function, or add DDL', async () => {
  await expect(app.sql`set session_replication_role = replica`).rejects.toThrow(/permission denied/);
  await expect(
    app.sql.unsafe(
      `create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$ begin return old; end $$`,
    ),
  ).rejects.toThrow(/must be owner|permission denied/);
  await expect(app.sql.unsafe('create table sneaky (id int)')).rejects.toThrow(/permission denied/);
  await expect(app.sql.unsafe('alter table suggestions add column sneaky int')).rejects.toThrow(/must be owner/);
});

test('the owner role, by contrast, could disable the trigger: which is why the portal must not connect as it', async () => {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await expect(
      sql.begin(async (tx) => {
        await tx.unsafe('alter table audit_log disable trigger audit_log_no_update_or_delete');
        await tx.unsafe(`delete from audit_log where action = 'test.cannot_edit'`);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
  } finally {
    await sql.end({ timeout: 5 });
  }
});

test('no contact key is in the database the runtime role reads: the keys live outside it', async () => {
  const key = Buffer.from(TEST_CONTACT_KEY, 'base64');
  const tables = await app.sql<{ schema: string; name: string }[]>`
    select schemaname as schema, tablename as name from pg_tables where schemaname in ('public', 'drizzle', 'pgboss')`;
  for (const table of tables) {
    const rows = await app.sql.unsafe(`select t::text as row from "${table.schema}"."${table.name}" t`);
    for (const { row } of rows as unknown as { row: string }[]) {
      expect(row).not.toContain(TEST_CONTACT_KEY);
      expect(row).not.toContain(key.toString('hex'));
    }
  }
});
