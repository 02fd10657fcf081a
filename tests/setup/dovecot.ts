import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { findFreePort } from '../../db/embedded.server.ts';

// A real IMAP server for the intake tests: Debian's Dovecot, started without
// systemd (`dovecot -F -c CONF`) with a throwaway configuration and Maildir
// under .tmp/, on a loopback port. As root, mail and login processes run as
// nobody/nogroup and the login services are not chrooted (TRAPS.md).

export type Dovecot = {
  port: number;
  user: string;
  password: string;
  url: string;
  maildir: string;
  stop: () => Promise<void>;
  /** Stop, forget UIDs (new UIDVALIDITY), start again on the same port. */
  resetUidValidity: () => Promise<void>;
};

const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => fs.existsSync(p)) ?? 'dovecot';

export async function startDovecot(): Promise<Dovecot> {
  const root = path.resolve('.tmp', `dovecot-${crypto.randomBytes(4).toString('hex')}`);
  const user = 'intake';
  const password = crypto.randomBytes(8).toString('hex');
  const port = await findFreePort();
  const maildir = path.join(root, 'mail', user, 'Maildir');
  fs.mkdirSync(path.join(root, 'run'), { recursive: true });
  fs.mkdirSync(maildir, { recursive: true });
  fs.writeFileSync(path.join(root, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The unprivileged mail user must reach and own its Maildir.
    for (let dir = root; dir !== path.dirname(dir); dir = path.dirname(dir))
      fs.chmodSync(dir, fs.statSync(dir).mode | 0o005);
    spawnSync('chown', ['-R', 'nobody:nogroup', path.join(root, 'mail')]);
  }
  const config = path.join(root, 'dovecot.conf');
  fs.writeFileSync(config, configuration({ root, port, asRoot }));

  let child = launch(config);
  await waitForPort(port, child, root);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    port,
    user,
    password,
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    maildir,
    stop: async () => {
      await stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
    resetUidValidity: async () => {
      await stop();
      for (const file of fs.readdirSync(maildir)) {
        if (file === 'dovecot-uidlist' || file.startsWith('dovecot.index'))
          fs.rmSync(path.join(maildir, file), { force: true });
      }
      child = launch(config);
      await waitForPort(port, child, root);
    },
  };
}

function launch(config: string): ChildProcess {
  return spawn(DOVECOT, ['-F', '-c', config], { stdio: 'ignore' });
}

function configuration({ root, port, asRoot }: { root: string; port: number; asRoot: boolean }): string {
  const owner = asRoot
    ? [
        'mail_uid = nobody',
        'mail_gid = nogroup',
        'default_internal_user = nobody',
        'default_login_user = nobody',
        'default_internal_group = nogroup',
      ]
    : [];
  return [
    'protocols = imap',
    'listen = 127.0.0.1',
    `base_dir = ${root}/run`,
    `state_dir = ${root}/run/state`,
    `log_path = ${root}/dovecot.log`,
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    'first_valid_uid = 1',
    ...owner,
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${root}/passwd\n}`,
    `userdb {\n  driver = static\n  args = home=${root}/mail/%u\n}`,
    `mail_location = maildir:${root}/mail/%u/Maildir`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n  chroot =\n}`,
    'service anvil {\n  chroot =\n}',
    'service pop3-login {\n  inet_listener pop3 {\n    port = 0\n  }\n}',
    '',
  ].join('\n');
}

async function waitForPort(port: number, child: ChildProcess, root: string) {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (child.exitCode !== null) break;
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = fs.existsSync(path.join(root, 'dovecot.log'))
    ? fs.readFileSync(path.join(root, 'dovecot.log'), 'utf8')
    : '';
  throw new Error(`Dovecot did not start on port ${port}\n${log}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
