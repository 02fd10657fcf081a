import { spawn } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { retryInboundEmail } from '../../app/domain/intake/email/email-queue.server.ts';
import { createImapClient, pollMailbox } from '../../app/domain/intake/email/imap-intake.server.ts';
import { readConfig, type Config } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { inboundEmails, suggestions } from '../../db/schema/index.ts';
import { contactKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { openRawEmail } from '../../app/domain/intake/email/sealed-email.ts';
import { outboxMailTo } from '../factories/sealed.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { createPlan } from '../factories/plans.ts';
import { startDovecot, type Dovecot } from '../setup/dovecot.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// Issue 15 over a real IMAP server: a message that fails every time is held
// after INTAKE_MAX_FAILURES attempts and the mailbox moves on; a message over
// INTAKE_MAX_BYTES is judged by its RFC822.SIZE and never downloaded.
const database = setupTestDatabase();
let dovecot: Dovecot;
let config: Config;
const log = createLogger('silent');
const opened = (row: typeof inboundEmails.$inferSelect) => openRawEmail(contactKeyring(), row);

beforeAll(async () => {
  await createPlan(database.db, { emailMarker: '规划意见' });
  dovecot = await startDovecot();
  config = readConfig({
    DATABASE_URL: database.url,
    INTAKE_IMAP_URL: dovecot.url,
    INTAKE_MAX_FAILURES: '3',
    SEED_DEMO: 'never',
  });
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
const poll = (settings = config) => withClient((client) => pollMailbox(client, database.db, settings, log));
const mail = (id: string, body: string, from = 'sender@example.edu.cn') =>
  Buffer.from(
    `From: ${from}\r\nSubject: =?UTF-8?B?${Buffer.from(`规划意见 ${id}`).toString('base64')}?=\r\nMessage-ID: <${id}@example.edu.cn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`,
    'utf8',
  );

async function flags(messageId: string): Promise<Set<string>> {
  return withClient(async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      for await (const message of client.fetch('1:*', { flags: true, envelope: true })) {
        if (message.envelope?.messageId === messageId) return message.flags ?? new Set();
      }
      throw new Error(`${messageId} not in the mailbox`);
    } finally {
      lock.release();
    }
  });
}

test('a message whose insert fails every time is held after three attempts, and the next ones are ingested', async () => {
  // An error on insert that no retry cures, made by the database itself.
  await database.db.execute(sql`
    create function refuse_poison() returns trigger language plpgsql as $$
    begin
      -- The raw message is sealed at rest: the poison is told by its Message-ID.
      if new.status = 'pending' and new.message_id = '<poison-1@example.edu.cn>' then
        raise exception 'insert refused: poison pill';
      end if;
      return new;
    end $$`);
  await database.db.execute(
    sql`create trigger refuse_poison before insert on inbound_emails for each row execute function refuse_poison()`,
  );
  await append(mail('poison-1', '建议 POISON-PILL 图书馆延长开放。'));
  await append(mail('after-poison-1', '建议食堂增加清真窗口。'));
  await append(mail('after-poison-2', '建议校医院周末开诊。'));

  for (let attempt = 1; attempt <= 3; attempt++) await expect(poll(), `attempt ${attempt}`).rejects.toThrow();
  expect(await database.db.$count(suggestions)).toBe(0);

  expect(await poll()).toBe(3);
  const rows = await database.db.select().from(inboundEmails);
  const held = rows.find((r) => opened(r)?.includes('POISON-PILL'))!;
  expect(held).toMatchObject({ status: 'held', statusReason: 'failed_repeatedly', messageId: null });
  expect(held.statusDetail).toMatchObject({ attempts: 3 });
  expect(String(held.statusDetail!.error)).toContain('poison pill');
  expect(rows.filter((r) => r.status === 'ingested')).toHaveLength(2);
  expect((await flags('<poison-1@example.edu.cn>')).has('\\Flagged')).toBe(true);
  expect(await poll()).toBe(0);

  // Once the cause is gone, one retry makes it a suggestion: nothing was lost.
  await database.db.execute(sql`drop trigger refuse_poison on inbound_emails`);
  expect((await retryInboundEmail(database.db, held.id, { config }))?.status).toBe('ingested');
  expect(await database.db.$count(suggestions)).toBe(3);
});

test('a message over INTAKE_MAX_BYTES is judged by RFC822.SIZE: only its header block is downloaded; it is held, flagged, and the sender told', async () => {
  const small = readConfig({
    DATABASE_URL: database.url,
    INTAKE_IMAP_URL: dovecot.url,
    INTAKE_MAX_BYTES: '4096',
    SEED_DEMO: 'never',
  });
  const big = mail('too-big-1', `${'很长的意见。'.repeat(2000)}END-OF-BODY`, 'big.sender@example.edu.cn');
  expect(big.length).toBeGreaterThan(4096);
  await append(big);
  await append(mail('small-after-big', '建议增加共享单车停放点。'));

  expect(await poll(small)).toBe(2);
  const [row] = await database.db
    .select()
    .from(inboundEmails)
    .where(eq(inboundEmails.messageId, '<too-big-1@example.edu.cn>'));
  expect(row).toMatchObject({
    status: 'held',
    statusReason: 'message_too_large',
    sizeBytes: big.length,
    subject: '规划意见 too-big-1',
  });
  expect(opened(row!)!.length).toBeLessThan(1024);
  expect(opened(row!)!.includes('END-OF-BODY')).toBe(false);
  expect(row!.statusDetail).toMatchObject({ downloaded: 'headers', maxBytes: 4096 });
  const [notice] = await outboxMailTo(database.db, 'big.sender@example.edu.cn');
  expect(notice).toMatchObject({ kind: 'held_notice' });
  const onServer = await flags('<too-big-1@example.edu.cn>');
  expect(onServer.has('\\Flagged')).toBe(true);
  expect(onServer.has('\\Seen')).toBe(false);
  const [after] = await database.db
    .select()
    .from(inboundEmails)
    .where(eq(inboundEmails.messageId, '<small-after-big@example.edu.cn>'));
  expect(after!.status).toBe('ingested');
});

test('a NUL byte in the Message-ID, which once failed the insert every time, no longer stops the mailbox', async () => {
  const raw = Buffer.from(
    `From: nul@example.edu.cn\r\nSubject: =?UTF-8?B?${Buffer.from('规划意见 空字节').toString('base64')}?=\r\nMessage-ID: <nul\u0000byte@example.edu.cn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议增加饮水机。\r\n`,
    'utf8',
  );
  await append(raw);
  await append(mail('after-nul', '建议延长体育馆开放时间。'));
  expect(await poll()).toBe(2);
  // Dovecot may store the NUL as another byte; whatever arrives, the mail is taken and the next one too.
  const [nul] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.subject, '规划意见 空字节'));
  expect(nul!.status).toBe('ingested');
  expect(nul!.messageId).not.toContain('\u0000');
  const [after] = await database.db
    .select()
    .from(inboundEmails)
    .where(eq(inboundEmails.messageId, '<after-nul@example.edu.cn>'));
  expect(after!.status).toBe('ingested');
});

test('a process killed by a message as often as INTAKE_MAX_FAILURES allows: the next start holds that message and takes the next one', async () => {
  await append(mail('kills-worker', '建议为自行车棚加装照明。'));
  await append(mail('after-killer', '建议在教学楼增设直饮水。'));
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    INTAKE_IMAP_URL: dovecot.url,
    INTAKE_POLL_SECONDS: '1',
    INTAKE_MAX_FAILURES: '2',
    WORKER_POLL_SECONDS: '0.5',
    DATA_DIR: '.tmp/imap-poison',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'never',
    CONTACT_KEY: TEST_CONTACT_KEY,
  };
  // Two deaths rather than three keeps this test to three process starts; the count is the same mechanism.
  for (let run = 1; run <= 2; run++) {
    const doomed = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], {
      env: { ...env, JIANYAN_CRASH_AT: 'imap-while-processing' },
      stdio: 'ignore',
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      doomed.once('exit', (_code, killed) => resolve(killed)),
    );
    expect(signal, `run ${run}`).toBe('SIGKILL');
  }
  // The raw message is sealed at rest: each row is opened to find the message.
  const status = async (id: string) =>
    (await database.db.select().from(inboundEmails))
      .filter((r) => opened(r)?.includes(`<${id}@example.edu.cn>`))
      .map((r) => `${r.status}:${r.statusReason ?? ''}`);
  expect(await status('kills-worker')).toEqual(['pending:']);

  const restarted = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], { env, stdio: 'ignore' });
  try {
    await expect.poll(() => status('after-killer'), { timeout: 120_000 }).toEqual(['ingested:']);
    expect(await status('kills-worker')).toEqual(['held:failed_repeatedly']);
  } finally {
    const exited = new Promise((resolve) => restarted.once('exit', resolve));
    restarted.kill('SIGTERM');
    await exited;
  }
}, 300_000);
