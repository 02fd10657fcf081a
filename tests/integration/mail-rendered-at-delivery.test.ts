import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { contactKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { deliverDueMail } from '../../app/domain/mail/deliver-outbox.server.ts';
import { sealOutboxColumns } from '../../app/domain/mail/sealed-outbox.ts';
import { createMailTransport } from '../../app/domain/mail/transport.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { outboxMessages } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { startSmtpSink } from '../setup/smtp-sink.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// Decision 089: the request that queues a mail stores the template's name and
// sealed props; the worker renders HTML and text when it sends.

const database = setupTestDatabase();
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let planId: number;
const from = '建言 <no-reply@jianyan.test>';

beforeAll(async () => {
  sink = await startSmtpSink();
  planId = (await createPlan(database.db, { title: '北湖大学“十四五”规划' })).id;
});
afterAll(async () => sink?.close());

const transport = () => createMailTransport({ smtpUrl: sink.url, dataDir: '.tmp/unused' });

test('a submission queues the acknowledgement unrendered, with its props sealed, and the worker renders both parts', async () => {
  const { id, trackingCode } = await submitSuggestion(database.db, {
    planId,
    channel: 'web',
    title: '关于食堂营业时间的建议',
    body: '建议二食堂晚餐延长到八点。',
    submitterType: '在校学生',
    contact: { email: 'render@example.edu.cn' },
    trackUrl: 'https://jianyan.example.edu.cn/track',
  });

  const [queued] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.suggestionId, id));
  expect(queued).toMatchObject({ template: 'acknowledgement', html: null, text: null });
  // Sealed: neither the tracking code nor the suggestion's title is readable at rest.
  expect(queued!.props!.toString('utf8')).not.toContain(trackingCode);
  expect(queued!.props!.toString('utf8')).not.toContain('食堂');

  const before = sink.received.length;
  expect(await deliverDueMail(database.db, transport(), { from })).toMatchObject({ sent: 1, failed: 0 });
  const mail = await simpleParser(sink.received[before]!.raw);
  expect(mail.html).toContain(trackingCode);
  expect(mail.html).toContain('北湖大学“十四五”规划');
  expect(mail.text).toContain(trackingCode);
  expect(mail.text).toContain('https://jianyan.example.edu.cn/track');
  // Nothing rendered is written back: the row still holds only what it was queued with.
  const [sent] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued!.id));
  expect(sent).toMatchObject({ status: 'sent', html: null, text: null });
});

test('a mail queued rendered, before templates were stored, is still sent as it was stored', async () => {
  const [legacy] = await database.db
    .insert(outboxMessages)
    .values({
      kind: 'acknowledgement',
      subject: '旧邮件',
      ...sealOutboxColumns(contactKeyring(), {
        to: 'legacy@example.edu.cn',
        props: null,
        html: '<p>旧的正文 HTML</p>',
        text: '旧的正文',
      }),
    })
    .returning({ id: outboxMessages.id });
  const before = sink.received.length;
  expect(await deliverDueMail(database.db, transport(), { from })).toMatchObject({ sent: 1, failed: 0 });
  const mail = await simpleParser(sink.received[before]!.raw);
  expect(mail.html).toContain('旧的正文 HTML');
  expect(mail.text?.trim()).toBe('旧的正文');
  const [row] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, legacy!.id));
  expect(row!.status).toBe('sent');
});

test('a row naming a template this version does not know fails its delivery with a reason, and is retried, not crashed on', async () => {
  const [odd] = await database.db
    .insert(outboxMessages)
    .values({
      kind: 'acknowledgement',
      subject: '未知模板',
      template: 'no-such-template',
      ...sealOutboxColumns(contactKeyring(), { to: 'odd@example.edu.cn', props: '{}', html: null, text: null }),
    })
    .returning({ id: outboxMessages.id });
  expect(await deliverDueMail(database.db, transport(), { from })).toMatchObject({ sent: 0, failed: 1 });
  const [row] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, odd!.id));
  expect(row).toMatchObject({ status: 'pending', attempts: 1 });
  expect(row!.lastError).toBeTruthy();
});
