import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { backoffSeconds, deliverDueMail, MAX_ATTEMPTS } from '../../app/domain/mail/deliver-outbox.server.ts';
import { createMailTransport } from '../../app/domain/mail/transport.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { createPlan } from '../factories/plans.ts';
import { startSmtpSink } from '../setup/smtp-sink.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { outboxMailTo } from '../factories/sealed.ts';

const database = setupTestDatabase();
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let planId: number;
const from = '建言 <no-reply@jianyan.test>';

beforeAll(async () => {
  sink = await startSmtpSink();
  planId = (await createPlan(database.db, { title: '南湖大学“十四五”事业发展规划' })).id;
});
afterAll(async () => sink?.close());

const submit = (email: string) =>
  submitSuggestion(database.db, {
    planId,
    channel: 'web',
    title: '关于校园网的建议',
    body: '宿舍区无线网络晚高峰经常掉线，建议扩容。',
    submitterType: '在校学生',
    contact: { email },
    trackUrl: 'https://jianyan.example.edu.cn/track',
  });

test('the acknowledgement reaches a real SMTP server, in Chinese, with a plain-text part and the tracking code', async () => {
  const { trackingCode } = await submit('student@example.edu.cn');
  const transport = createMailTransport({ smtpUrl: sink.url, dataDir: '.tmp/unused' });
  expect(await deliverDueMail(database.db, transport, { from })).toEqual({ sent: 1, failed: 0 });

  expect(sink.received).toHaveLength(1);
  expect(sink.received[0]!.to).toEqual(['student@example.edu.cn']);
  const mail = await simpleParser(sink.received[0]!.raw);
  expect(mail.subject).toBe(`意见建议已收到（跟踪编号 ${trackingCode}）`);
  expect(mail.text).toContain(trackingCode);
  expect(mail.text).toContain('南湖大学“十四五”事业发展规划');
  expect(mail.text).toContain('https://jianyan.example.edu.cn/track');
  expect(mail.html).toContain(trackingCode);
  const [row] = await outboxMailTo(database.db, 'student@example.edu.cn');
  expect(row).toMatchObject({ status: 'sent', attempts: 1 });
});

test('a refused delivery is retried later with backoff, and given up after the last attempt', async () => {
  await submit('retry@example.edu.cn');
  const transport = createMailTransport({ smtpUrl: sink.url, dataDir: '.tmp/unused' });
  sink.setRejecting(true);
  let clock = new Date('2030-01-01T00:00:00Z');
  try {
    expect(await deliverDueMail(database.db, transport, { from, now: () => clock })).toEqual({ sent: 0, failed: 1 });
    const [afterOne] = await outboxMailTo(database.db, 'retry@example.edu.cn');
    expect(afterOne).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterOne!.nextAttemptAt.getTime() - clock.getTime()).toBe(backoffSeconds(1) * 1000);
    expect(afterOne!.lastError).not.toContain('retry@example.edu.cn');
    // Not due yet: nothing is tried.
    expect(await deliverDueMail(database.db, transport, { from, now: () => clock })).toEqual({ sent: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      clock = new Date(clock.getTime() + 3600 * 1000);
      await deliverDueMail(database.db, transport, { from, now: () => clock });
    }
    const [final] = await outboxMailTo(database.db, 'retry@example.edu.cn');
    expect(final).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  } finally {
    sink.setRejecting(false);
  }
});

test('two workers at once send each message exactly once', async () => {
  const before = sink.received.length;
  for (let i = 0; i < 6; i++) await submit(`parallel${i}@example.edu.cn`);
  const transport = createMailTransport({ smtpUrl: sink.url, dataDir: '.tmp/unused' });
  const results = await Promise.all([
    deliverDueMail(database.db, transport, { from }),
    deliverDueMail(database.db, transport, { from }),
  ]);
  expect(results[0]!.sent + results[1]!.sent).toBe(6);
  const recipients = sink.received.slice(before).flatMap((m) => m.to);
  expect(recipients.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `parallel${i}@example.edu.cn`).sort());
});

test('without SMTP_URL, messages are written as .eml files under DATA_DIR/mail', async () => {
  const { trackingCode } = await submit('files@example.edu.cn');
  const dataDir = path.resolve('.tmp', `mail-${crypto.randomBytes(4).toString('hex')}`);
  const transport = createMailTransport({ dataDir });
  await deliverDueMail(database.db, transport, { from });
  const files = fs.readdirSync(path.join(dataDir, 'mail'));
  expect(files).toHaveLength(1);
  const mail = await simpleParser(fs.readFileSync(path.join(dataDir, 'mail', files[0]!)));
  expect(mail.to).toMatchObject({ text: 'files@example.edu.cn' });
  expect(mail.subject).toContain(trackingCode);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
