import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, expect, test } from 'vitest';
import { startEmbeddedDatabase } from './embedded.server.ts';

// This exercises the embedded server itself, whatever DATABASE_URL says.
const dataDir = path.resolve('.tmp', `embedded-${crypto.randomBytes(4).toString('hex')}`);
const log = { info: () => {}, warn: () => {}, debug: () => {} };

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('the embedded server keeps its data across restarts and leaves no process behind', async () => {
  const first = await startEmbeddedDatabase({ dataDir, databaseName: 'jianyan', log });
  const pid = readPostmasterPid();
  let sql = postgres(first.url, { max: 1, onnotice: () => {} });
  await sql`create table kept (note text)`;
  await sql`insert into kept values ('严格保密')`;
  await sql.end();
  await first.stop();

  expect(isAlive(pid)).toBe(false);
  expect(await portAcceptsConnections(first.port)).toBe(false);
  expect(fs.statSync(path.join(dataDir, 'pg-password')).mode & 0o077).toBe(0);

  const second = await startEmbeddedDatabase({ dataDir, databaseName: 'jianyan', log });
  sql = postgres(second.url, { max: 1, onnotice: () => {} });
  expect(await sql`select note from kept`).toEqual([{ note: '严格保密' }]);
  await sql.end();
  await second.stop();
});

test('a server orphaned by a killed process is stopped and replaced on the next start', async () => {
  const orphan = await startEmbeddedDatabase({ dataDir, databaseName: 'jianyan', log });
  const orphanPid = readPostmasterPid();
  // Simulate the parent dying without stopping PostgreSQL: just start again.
  const next = await startEmbeddedDatabase({ dataDir, databaseName: 'jianyan', log });
  expect(isAlive(orphanPid)).toBe(false);
  const sql = postgres(next.url, { max: 1, onnotice: () => {} });
  expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
  await sql.end();
  await next.stop();
  await orphan.stop().catch(() => {});
});

test('a second process cannot take over a data directory that a live process is using', async () => {
  const other = spawn('sleep', ['30']);
  try {
    fs.writeFileSync(path.join(dataDir, 'owner.pid'), `${other.pid}\n`);
    await expect(startEmbeddedDatabase({ dataDir, databaseName: 'jianyan', log })).rejects.toThrow(
      new RegExp(`in use by another Jianyan process \\(pid ${other.pid}\\)`),
    );
  } finally {
    other.kill();
  }
  // Once the owner is gone, its claim is stale and the directory is usable.
  await new Promise((resolve) => other.once('exit', resolve));
  const database = await startEmbeddedDatabase({ dataDir, databaseName: 'jianyan', log });
  await database.stop();
  expect(fs.existsSync(path.join(dataDir, 'owner.pid'))).toBe(false);
});

test('command-line tools use the cluster of the running server instead of refusing', async () => {
  // This test process plays `npm start`: it owns the data directory.
  const running = await startEmbeddedDatabase({ dataDir, databaseName: 'jianyan', log });
  try {
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    const migrate = await runCli(['scripts/cli/migrate.ts'], env, null);
    expect(migrate.stderr).toBe('');
    expect(migrate.code).toBe(0);
    const create = await runCli(
      [
        'scripts/cli/staff.ts',
        'create',
        '--email',
        'first-admin@test.jianyan.invalid',
        '--name',
        '首位管理员',
        '--role',
        'admin',
      ],
      env,
      'one line password 9\n',
    );
    expect(create.code).toBe(0);
    const sql = postgres(running.url, { max: 1, onnotice: () => {} });
    const rows = await sql`select role from staff_users where email = 'first-admin@test.jianyan.invalid'`;
    await sql.end();
    expect(rows).toEqual([{ role: 'admin' }]);
    // The tool left the owner's server running.
    expect(isAlive(readPostmasterPid())).toBe(true);
  } finally {
    await running.stop();
  }
});

function runCli(args: string[], env: NodeJS.ProcessEnv, stdin: string | null) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

function readPostmasterPid(): number {
  return Number.parseInt(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]!, 10);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
