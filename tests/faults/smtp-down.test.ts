import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deliverDueMail, outboxMessageId } from '../../app/domain/mail/deliver-outbox.server.ts';
import { createMailTransport } from '../../app/domain/mail/transport.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { outboxMessages } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { outboxMail } from '../factories/sealed.ts';
import { TEST_CONTACT_KEY } from '../setup/contact-keyring.ts';
import { startSmtpSink } from '../setup/smtp-sink.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { freePort } from './helpers/web-process.ts';

// The SMTP server away in three ways (connection refused, a server that
// accepts and never answers, a 4xx after DATA): acknowledgements wait in the
// outbox with backoff and are all delivered once it is back, none twice, and
// none for a transaction that rolled back. Then the worker is killed after the
// SMTP server accepted a message and before the row was marked sent: the
// documented at-least-once, with the same Message-ID on the duplicate.

const database = setupTestDatabase();
const FROM = '建言 Jianyan <no-reply@jianyan.example.edu.cn>';
const dataDir = path.resolve('.tmp', 'faults-smtp');
let planId: number;
const sinks: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
});
afterAll(async () => {
  await Promise.all(sinks.map((s) => s.close()));
});

async function acknowledged(tag: string, count: number): Promise<string[]> {
  const addresses = Array.from({ length: count }, (_, i) => `${tag}-${i}@example.edu.cn`);
  for (const email of addresses) {
    await submitSuggestion(database.db, {
      planId,
      channel: 'web',
      title: `意见 ${email}`,
      body: '建议增加自习座位。',
      submitterType: '在校学生',
      contact: { email },
      trackUrl: 'http://localhost/track',
    });
  }
  // The same, in a transaction that rolls back: its acknowledgement must never leave.
  await expect(
    database.db.transaction(async (tx) => {
      await submitSuggestion(tx, {
        planId,
        channel: 'web',
        title: '回滚',
        body: '这条不会保存。',
        submitterType: '在校学生',
        contact: { email: `${tag}-rolled-back@example.edu.cn` },
        trackUrl: 'http://localhost/track',
      });
      throw new Error('rolled back on purpose');
    }),
  ).rejects.toThrow('rolled back on purpose');
  return addresses;
}

// The recipient is sealed at rest (docs/decisions/060-encryption-at-rest.md): rows are opened, then matched.
const rows = async (addresses: string[]) =>
  (await outboxMail(database.db)).filter((m) => addresses.includes(m.toAddress));
const seconds = (s: number) => s * 1000;

async function waitOutAndDeliver(url: string, addresses: string[], start: number) {
  const sink = await startSmtpSink({ port: Number(new URL(url).port) });
  sinks.push(sink);
  const transport = createMailTransport({ smtpUrl: url, dataDir });
  // Still inside the backoff: nothing is tried yet.
  expect(
    await deliverDueMail(database.db, transport, { from: FROM, now: () => new Date(start + seconds(30)) }),
  ).toEqual({ sent: 0, failed: 0 });
  expect(
    await deliverDueMail(database.db, transport, { from: FROM, now: () => new Date(start + seconds(61)) }),
  ).toEqual({ sent: addresses.length, failed: 0 });
  // Nothing is sent twice.
  expect(
    await deliverDueMail(database.db, transport, { from: FROM, now: () => new Date(start + seconds(7200)) }),
  ).toEqual({ sent: 0, failed: 0 });
  expect(sink.received.flatMap((m) => m.to).sort()).toEqual([...addresses].sort());
  expect((await rows(addresses)).every((r) => r.status === 'sent' && r.attempts === 2)).toBe(true);
  return sink;
}

test('connection refused: acknowledgements wait with backoff, then all go once, none for the rolled-back one', async () => {
  const url = `smtp://127.0.0.1:${await freePort()}?connectionTimeout=2000`;
  const addresses = await acknowledged('refused', 3);
  const start = Date.now() + 1000;
  const transport = createMailTransport({ smtpUrl: url, dataDir });
  expect(await deliverDueMail(database.db, transport, { from: FROM, now: () => new Date(start) })).toEqual({
    sent: 0,
    failed: 3,
  });
  for (const row of await rows(addresses)) {
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/ESOCKET|ECONNREFUSED/);
    expect(row.nextAttemptAt.getTime()).toBe(start + seconds(60));
  }
  await waitOutAndDeliver(url, addresses, start);
});

test('a server that accepts the connection and never answers is given up on within its timeout', async () => {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${port}?connectionTimeout=1000&greetingTimeout=1000&socketTimeout=1000`;
  const addresses = await acknowledged('silent', 2);
  const start = Date.now() + 1000;
  const began = Date.now();
  expect(
    await deliverDueMail(database.db, createMailTransport({ smtpUrl: url, dataDir }), {
      from: FROM,
      now: () => new Date(start),
    }),
  ).toEqual({ sent: 0, failed: 2 });
  expect(Date.now() - began).toBeLessThan(10_000);
  for (const row of await rows(addresses))
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/ETIMEDOUT|timeout/i),
    });
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await waitOutAndDeliver(url, addresses, start);
});

test('a 4xx after DATA: kept for later, then delivered once', async () => {
  const sink = await startSmtpSink();
  sinks.push(sink);
  sink.setFailingData(true);
  const addresses = await acknowledged('data-451', 2);
  const start = Date.now() + 1000;
  const transport = createMailTransport({ smtpUrl: sink.url, dataDir });
  expect(await deliverDueMail(database.db, transport, { from: FROM, now: () => new Date(start) })).toEqual({
    sent: 0,
    failed: 2,
  });
  for (const row of await rows(addresses))
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('451') });
  expect(sink.received).toHaveLength(0);
  sink.setFailingData(false);
  expect(
    await deliverDueMail(database.db, transport, { from: FROM, now: () => new Date(start + seconds(61)) }),
  ).toEqual({ sent: 2, failed: 0 });
  expect(
    await deliverDueMail(database.db, transport, { from: FROM, now: () => new Date(start + seconds(7200)) }),
  ).toEqual({ sent: 0, failed: 0 });
  expect(sink.received.flatMap((m) => m.to).sort()).toEqual([...addresses].sort());
});

test('worker killed after the SMTP server accepted, before the row was marked sent: sent again, with the same Message-ID', async () => {
  const sink = await startSmtpSink();
  sinks.push(sink);
  const [address] = await acknowledged('crash', 1);
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    SMTP_URL: sink.url,
    MAIL_FROM: FROM,
    WORKER_POLL_SECONDS: '0.2',
    LOG_LEVEL: 'silent',
    // The worker opens the mail this process sealed.
    CONTACT_KEY: TEST_CONTACT_KEY,
  };

  const doomed = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], {
    env: { ...env, JIANYAN_CRASH_AT: 'mail-after-smtp-accept' },
    stdio: 'ignore',
  });
  const death = await new Promise<NodeJS.Signals | null>((resolve) =>
    doomed.once('exit', (_code, signal) => resolve(signal)),
  );
  expect(death).toBe('SIGKILL');
  expect(sink.received.filter((m) => m.to.includes(address!))).toHaveLength(1);
  const [row] = await rows([address!]);
  expect(row).toMatchObject({ status: 'pending', attempts: 0 });

  const worker = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker-main.ts'], { env, stdio: 'ignore' });
  try {
    await expect
      .poll(
        async () => (await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, row!.id)))[0]!.status,
        { timeout: 60_000 },
      )
      .toBe('sent');
  } finally {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  const copies = sink.received.filter((m) => m.to.includes(address!));
  expect(copies).toHaveLength(2);
  const ids = copies.map((m) => /^Message-ID:\s*(<[^>]+>)/im.exec(m.raw)?.[1]);
  expect(ids[0]).toBe(outboxMessageId(row!, FROM));
  expect(ids[1]).toBe(ids[0]);
  expect(ids[0]).toMatch(/@jianyan\.example\.edu\.cn>$/);
}, 180_000);
