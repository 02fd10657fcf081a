import crypto from 'node:crypto';
import { expect, test } from 'vitest';
import { createImapClient } from '../../app/domain/intake/email/imap-intake.server.ts';
import { enqueueJob } from '../../app/domain/jobs/enqueue-job.server.ts';
import { QUEUES } from '../../app/domain/jobs/queues.ts';
import { readConfig } from '../../app/server/config.ts';
import type { Deployment } from './deployment.ts';

// The IMAP singleton of decision 085 with two worker processes on one Dovecot
// mailbox: one holds the mailbox's session lock and reads it; killed with
// SIGKILL, its lock goes with its connection and the other worker takes over.

const run = crypto.randomBytes(3).toString('hex');
const marker = (i: number) => `邮件单例-${run}-${i}`;

export function imapSingletonTests(d: Deployment) {
  const sent: number[] = [];

  test('two workers on one mailbox: one holds its lock and reads it; each message becomes one suggestion, acknowledged once', async () => {
    await expect.poll(() => lockHolders(d), { timeout: 30_000 }).toHaveLength(1);
    const [name] = await lockHolders(d);
    const other = [...d.workers.keys()].find((n) => n !== name)!;
    const processedBefore = processed(d, other);
    for (let i = 0; i < 4; i += 1) await deliver(d, i, sent);
    await expect.poll(() => ingested(d, sent), { timeout: 60_000 }).toEqual(sent.map(() => 1));
    // Only the lock's holder read the mailbox.
    expect(processed(d, other)).toBe(processedBefore);
    expect(await lockHolders(d)).toEqual([name]);
    const acknowledged = () => sent.map((i) => d.sink.received.filter((m) => m.to.includes(sender(i))).length);
    await expect.poll(acknowledged, { timeout: 60_000 }).toEqual(sent.map(() => 1));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // room for a second copy to show up
    expect(acknowledged()).toEqual(sent.map(() => 1));
  }, 150_000);

  test('the worker holding the mailbox is killed with SIGKILL: the other takes the lock over and every message is still ingested exactly once', async () => {
    const [name] = await lockHolders(d);
    const doomed = d.workers.get(name!)!;
    const survivor = [...d.workers.keys()].find((n) => n !== name)!;
    // Mail arrives and the holder dies at once: it may be reading, committing or flagging it.
    for (let i = 4; i < 7; i += 1) await deliver(d, i, sent);
    expect((await doomed.kill('SIGKILL')).signal).toBe('SIGKILL');
    // PostgreSQL ends the dead worker's sessions, and its lock with them.
    await expect.poll(() => lockHolders(d), { timeout: 20_000 }).toEqual([]);
    // The next `intake-imap` job takes over: the minutely cron's tick, sent now rather than waited for.
    await enqueueJob(d.primary.db, QUEUES.pollMailbox, { reason: 'test: as the cron tick' });
    await expect.poll(() => lockHolders(d), { timeout: 30_000 }).toEqual([survivor]);
    await expect.poll(() => ingested(d, sent), { timeout: 60_000 }).toEqual(sent.map(() => 1));
    await expect.poll(() => unseen(d), { timeout: 30_000 }).toEqual([]);
    // Nothing arrives twice later either.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await ingested(d, sent)).toEqual(sent.map(() => 1));
  }, 150_000);
}

const sender = (i: number) => `imap-${run}-${i}@example.edu.cn`;

/** The application_name (which worker) of each session holding a mailbox lock (key 4004, mailbox-session.ts). */
async function lockHolders(d: Deployment): Promise<string[]> {
  const rows = await d.primary.sql<{ name: string }[]>`
    select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'advisory' and l.classid = 4004 and l.granted`;
  return rows.map((r) => r.name);
}

/** Suggestions per delivered message, by the marker in its text. */
async function ingested(d: Deployment, sent: number[]): Promise<number[]> {
  const rows = await d.primary.sql<{ body: string }[]>`
    select body from suggestions where channel = 'email' and body like ${`%邮件单例-${run}-%`}`;
  return sent.map((i) => rows.filter((r) => r.body.includes(`${marker(i)}。`)).length);
}

/** The sum of "messages processed" a worker logged. */
function processed(d: Deployment, name: string): number {
  return d.workers
    .get(name)!
    .lines()
    .filter((line) => line.msg === 'email intake: messages processed')
    .reduce((sum, line) => sum + Number(line.processed), 0);
}

async function deliver(d: Deployment, i: number, sent: number[]): Promise<void> {
  const subject = `“十四五”规划意见建议 单例 ${i}`;
  const raw = [
    `From: ${sender(i)}`,
    `To: ${d.dovecot.user}@example.edu.cn`,
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: <${run}-${i}@example.edu.cn>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `建议食堂延长晚餐供应时间。${marker(i)}。`,
    '',
  ].join('\r\n');
  await withMailbox(d, (client) => client.append('INBOX', Buffer.from(raw, 'utf8')));
  sent.push(i);
}

async function unseen(d: Deployment): Promise<number[]> {
  return withMailbox(d, async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      return (await client.search({ seen: false }, { uid: true })) || [];
    } finally {
      lock.release();
    }
  });
}

async function withMailbox<T>(
  d: Deployment,
  work: (client: ReturnType<typeof createImapClient>) => Promise<T>,
): Promise<T> {
  const { imap } = readConfig({ INTAKE_IMAP_URL: d.dovecot.url }).intake;
  const client = createImapClient(imap!);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}
