import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PG15_BIN, startPostgres15 } from '../pg-dump/postgresql-15.ts';
import { freePort } from '../faults/helpers/web-process.ts';

// The real parts of a scaled-out deployment (docs/deploy.md), started from
// Debian's packages for `npm run test:scale-infra`: a PostgreSQL 15 primary
// with a streaming standby made by pg_basebackup, PgBouncer in transaction
// mode in front of the primary, and nginx balancing two web processes.
// PostgreSQL and PgBouncer refuse to run as root: as root they run as the
// `postgres` OS user that Debian's postgresql-15 package creates.

const asRoot = process.getuid?.() === 0;

function runAsPostgres(command: string, args: string[], options: { stdio?: 'pipe' | 'ignore' } = {}) {
  return asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: options.stdio ?? 'pipe' })
    : execFileSync(command, args, { stdio: options.stdio ?? 'pipe' });
}

function spawnAsPostgres(command: string, args: string[]): ChildProcess {
  return asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export type Replicated = {
  primaryUrl: (database: string) => string;
  standbyUrl: (database: string) => string;
  password: string;
  primaryPort: number;
  stop: () => void;
};

/**
 * A primary and a hot standby streaming from it (pg_basebackup -R: standby.signal
 * and primary_conninfo). hot_standby_feedback as docs/deploy.md asks: without it
 * the primary's vacuum cancels long reads on the standby ("conflict with recovery").
 */
export async function startReplicatedPostgres(dir: string): Promise<Replicated> {
  const primary = await startPostgres15(path.join(dir, 'primary'));
  const url = new URL(primary.adminUrl);
  const password = decodeURIComponent(url.password);
  const primaryPort = Number(url.port);
  const standbyDir = path.join(dir, 'standby');
  fs.rmSync(standbyDir, { recursive: true, force: true });
  fs.mkdirSync(standbyDir, { mode: 0o755 });
  if (asRoot) execFileSync('chown', ['postgres:postgres', standbyDir]);
  const standbyData = path.join(standbyDir, 'pg');
  // initdb's default pg_hba.conf allows replication from 127.0.0.1 with a password.
  runAsPostgres(path.join(PG15_BIN, 'pg_basebackup'), [
    '-d',
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${primaryPort}/postgres`,
    '-D',
    standbyData,
    '-R',
    '-X',
    'stream',
    '--checkpoint=fast',
  ]);
  const standbyPort = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${standbyPort} -c unix_socket_directories= -c hot_standby=on -c hot_standby_feedback=on`;
  runAsPostgres(path.join(PG15_BIN, 'pg_ctl'), [
    '-D',
    standbyData,
    '-o',
    options,
    '-l',
    path.join(standbyDir, 'server.log'),
    '-w',
    'start',
  ]);
  const at = (port: number) => (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    primaryUrl: at(primaryPort),
    standbyUrl: at(standbyPort),
    password,
    primaryPort,
    stop: () => {
      runAsPostgres(path.join(PG15_BIN, 'pg_ctl'), ['-D', standbyData, '-m', 'fast', '-w', 'stop']);
      primary.stop();
    },
  };
}

export type Daemon = { port: number; stop: () => Promise<void>; output: () => string };

function daemon(child: ChildProcess, port: number): Daemon {
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    port,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** PgBouncer in transaction mode in front of one database of the primary; its admin console as `postgres`. */
export async function startPgBouncer(
  dir: string,
  target: { port: number; database: string; password: string },
): Promise<Daemon> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const port = await freePort();
  const userlist = path.join(dir, 'userlist.txt');
  // A plain password in auth_file lets PgBouncer answer and pass on SCRAM.
  fs.writeFileSync(userlist, `"postgres" "${target.password}"\n`, { mode: 0o600 });
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `${target.database} = host=127.0.0.1 port=${target.port} dbname=${target.database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = scram-sha-256',
      `auth_file = ${userlist}`,
      'admin_users = postgres',
      'pool_mode = transaction',
      'default_pool_size = 8',
      'max_client_conn = 200',
      // postgres.js sends application_name at start-up; PgBouncer tracks it.
      'ignore_startup_parameters = extra_float_digits',
      '',
    ].join('\n'),
  );
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const bouncer = daemon(spawnAsPostgres('/usr/sbin/pgbouncer', [ini]), port);
  await waitForPort(port, bouncer);
  return bouncer;
}

/** nginx as a round-robin reverse proxy to the web processes, with the client address passed on. */
export async function startNginx(dir: string, upstreams: number[], port: number): Promise<Daemon> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o777 });
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
pid ${dir}/nginx.pid;
error_log stderr warn;
worker_processes 1;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Round-robin (nginx's default) over the web processes.
  upstream jianyan { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 30m;
    location / {
      proxy_pass http://jianyan;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      # A request that hangs in one web process must fail the test, not pass
      # a minute later on the other by nginx's retry (it hid decision 099's hang).
      proxy_next_upstream off;
      proxy_read_timeout 20s;
    }
  }
}
`,
  );
  const nginx = daemon(
    spawn('/usr/sbin/nginx', ['-c', conf, '-p', dir, '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] }),
    port,
  );
  await waitForPort(port, nginx);
  return nginx;
}

async function waitForPort(port: number, process: Daemon): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const open = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(
      () => true,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code !== 'ECONNREFUSED',
    );
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}:\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
