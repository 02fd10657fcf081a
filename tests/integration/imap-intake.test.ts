import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createImapClient, pollMailbox } from '../../app/domain/intake/email/imap-intake.server.ts';
import { readConfig, type Config } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { startWorker } from '../../app/server/worker.ts';
import { imapSyncState, inboundEmails, suggestions } from '../../db/schema/index.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { startDovecot, type Dovecot } from '../setup/dovecot.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
let dovecot: Dovecot;
let config: Config;
const log = createLogger('silent');
const mailFixtures = fs.readdirSync('tests/fixtures/mail').filter((f) => f.endsWith('.eml'));

beforeAll(async () => {
  await seedIfEmpty(database.db);
  dovecot = await startDovecot();
  config = readConfig({ DATABASE_URL: database.url, INTAKE_IMAP_URL: dovecot.url, INTAKE_POLL_SECONDS: '1' });
});
afterAll(async () => dovecot?.stop());

async function withClient<T>(run: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = createImapClient(config.intake.imap!);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.logout();
  }
}

const append = (raw: Buffer) => withClient((client) => client.append('INBOX', raw));
const emailSuggestions = () => database.db.$count(suggestions, eq(suggestions.channel, 'email'));

test('every fixture in the mailbox is stored, processed once and flagged \\Seen', async () => {
  const demo = await emailSuggestions();
  for (const name of mailFixtures) await append(fs.readFileSync(path.join('tests/fixtures/mail', name)));
  const processed = await withClient((client) => pollMailbox(client, database.db, config, log));
  expect(processed).toBe(mailFixtures.length);
  // The duplicate delivery is one message too many for suggestions.
  const stored = await database.db.$count(inboundEmails);
  expect(stored).toBe(mailFixtures.length - 1);
  const byStatus = await database.db.select({ status: inboundEmails.status }).from(inboundEmails);
  const count = (status: string) => byStatus.filter((r) => r.status === status).length;
  expect({ unmatched: count('unmatched'), auto: count('auto_reply'), bounce: count('bounce') }).toEqual({
    unmatched: 1,
    auto: 1,
    bounce: 1,
  });
  expect(await emailSuggestions()).toBe(demo + count('ingested'));

  const unseen = await withClient(async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      return (await client.search({ seen: false }, { uid: true })) || [];
    } finally {
      lock.release();
    }
  });
  expect(unseen).toEqual([]);
  expect(await withClient((client) => pollMailbox(client, database.db, config, log))).toBe(0);
});

test('a crash between commit and flag fetches the message again without a second suggestion', async () => {
  await append(
    Buffer.from(
      'From: crash@example.edu.cn\r\nSubject: =?UTF-8?B?' +
        Buffer.from("'十四五'规划意见建议 崩溃测试").toString('base64') +
        '?=\r\nMessage-ID: <crash-1@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议在宿舍楼增加自助洗衣机。\r\n',
      'utf8',
    ),
  );
  const before = await emailSuggestions();
  await expect(
    withClient(async (client) => {
      // The process dies right after the suggestion is committed, before the
      // message is flagged on the server or the UID is recorded.
      client.messageFlagsAdd = () => Promise.reject(new Error('killed'));
      return pollMailbox(client, database.db, config, log);
    }),
  ).rejects.toThrow('killed');
  expect(await emailSuggestions()).toBe(before + 1);

  expect(await withClient((client) => pollMailbox(client, database.db, config, log))).toBe(1);
  expect(await emailSuggestions()).toBe(before + 1);
});

test('a worker process killed between commit and flag: restarted, it flags the message and adds no second suggestion', async () => {
  const body = '建议图书馆考试周延长开放到凌晨一点。';
  const count = () => database.db.$count(suggestions, eq(suggestions.body, body));
  await append(
    Buffer.from(
      'From: killed@example.edu.cn\r\nSubject: =?UTF-8?B?' +
        Buffer.from("'十四五'规划意见建议 进程被杀").toString('base64') +
        '?=\r\nMessage-ID: <crash-kill-1@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n' +
        body +
        '\r\n',
      'utf8',
    ),
  );
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    INTAKE_IMAP_URL: dovecot.url,
    INTAKE_POLL_SECONDS: '1',
    WORKER_POLL_SECONDS: '0.5',
    DATA_DIR: '.tmp/imap-crash',
    LOG_LEVEL: 'silent',
  };

  const doomed = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], {
    env: { ...env, JIANYAN_CRASH_AT: 'imap-after-commit' },
    stdio: 'ignore',
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    doomed.once('exit', (_code, killed) => resolve(killed)),
  );
  expect(signal).toBe('SIGKILL');
  expect(await count()).toBe(1);
  expect(await seen('<crash-kill-1@x>')).toBe(false);

  const restarted = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], { env, stdio: 'ignore' });
  try {
    await expect.poll(() => seen('<crash-kill-1@x>'), { timeout: 60_000 }).toBe(true);
    expect(await count()).toBe(1);
  } finally {
    const exited = new Promise((resolve) => restarted.once('exit', resolve));
    restarted.kill('SIGTERM');
    await exited;
  }
}, 120_000);

async function seen(messageId: string): Promise<boolean> {
  return withClient(async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      for await (const message of client.fetch('1:*', { flags: true, envelope: true })) {
        if (message.envelope?.messageId === messageId) return message.flags?.has('\\Seen') ?? false;
      }
      return false;
    } finally {
      lock.release();
    }
  });
}

test('a new UIDVALIDITY re-reads the mailbox safely: nothing is added twice', async () => {
  const [stateBefore] = await database.db.select().from(imapSyncState);
  const before = await emailSuggestions();
  await dovecot.resetUidValidity();
  const processed = await withClient((client) => pollMailbox(client, database.db, config, log));
  expect(processed).toBe(mailFixtures.length + 2);
  const [stateAfter] = await database.db.select().from(imapSyncState);
  expect(stateAfter!.uidValidity).not.toBe(stateBefore!.uidValidity);
  expect(await emailSuggestions()).toBe(before);
});

test('with a processed folder configured, handled mail is moved there', async () => {
  const moving = readConfig({
    DATABASE_URL: database.url,
    INTAKE_IMAP_URL: dovecot.url,
    INTAKE_IMAP_PROCESSED_FOLDER: 'Processed',
  });
  await withClient((client) => client.mailboxCreate('Processed'));
  await append(
    Buffer.from(
      'From: mover@example.edu.cn\r\nSubject: 十四五规划意见建议 move\r\nMessage-ID: <move-1@x>\r\n\r\nmove me please\r\n',
      'utf8',
    ),
  );
  const client = createImapClient(moving.intake.imap!);
  await client.connect();
  try {
    expect(await pollMailbox(client, database.db, moving, log)).toBe(1);
    const status = await client.status('Processed', { messages: true });
    expect(status && status.messages).toBe(1);
  } finally {
    await client.logout();
  }
});

test('the worker picks up new mail by itself within one polling interval', async () => {
  const worker = await startWorker({
    db: database.db,
    databaseUrl: database.url,
    config: { ...config, mail: { ...config.mail, smtpUrl: undefined } },
    log,
  });
  try {
    await append(
      Buffer.from(
        'From: live@example.edu.cn\r\nSubject: =?UTF-8?B?' +
          Buffer.from('“十四五”规划意见建议 实时').toString('base64') +
          '?=\r\nMessage-ID: <live-1@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议增加体育馆开放时间。\r\n',
        'utf8',
      ),
    );
    await expect
      .poll(
        async () =>
          (await database.db.select().from(suggestions).where(eq(suggestions.body, '建议增加体育馆开放时间。'))).length,
        { timeout: 10_000 },
      )
      .toBe(1);
  } finally {
    await worker.stop();
  }
});

test('two workers never watch one mailbox at once; when the holder stops, the other takes over', async () => {
  const quiet = { ...config, mail: { ...config.mail, smtpUrl: undefined } };
  // Sessions holding the mailbox's advisory lock (app/server/jobs/mailbox-session.ts), from pg_locks.
  const holders = async () =>
    (
      await database.sql<
        { pid: number }[]
      >`select pid from pg_locks where locktype = 'advisory' and classid = 4004 and granted and database = (select oid from pg_database where datname = current_database())`
    ).map((r) => r.pid);
  const first = await startWorker({ db: database.db, databaseUrl: database.url, config: quiet, log });
  let second: Awaited<ReturnType<typeof startWorker>> | undefined;
  let firstStopped = false;
  try {
    await expect.poll(holders, { timeout: 15_000 }).toHaveLength(1);
    const [holder] = await holders();
    second = await startWorker({ db: database.db, databaseUrl: database.url, config: quiet, log });
    // The second has asked at its start (and may at a cron minute): still the first's session alone.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await holders()).toEqual([holder]);

    await first.stop();
    firstStopped = true;
    await append(
      Buffer.from(
        'From: handover@example.edu.cn\r\nSubject: =?UTF-8?B?' +
          Buffer.from('“十四五”规划意见建议 交接').toString('base64') +
          '?=\r\nMessage-ID: <handover-1@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议在宿舍楼下增设自行车棚。\r\n',
        'utf8',
      ),
    );
    // The second worker's next intake-imap job (at the latest the next minute's) finds the lock free.
    await expect
      .poll(
        async () =>
          (await database.db.select().from(suggestions).where(eq(suggestions.body, '建议在宿舍楼下增设自行车棚。')))
            .length,
        { timeout: 90_000 },
      )
      .toBe(1);
    // The second worker's session (both share this file's connection pool, so the pid says nothing).
    expect(await holders()).toHaveLength(1);
  } finally {
    if (!firstStopped) await first.stop();
    await second?.stop();
  }
}, 120_000);
