import { Forbidden } from '../../app/domain/authorization/actor.ts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { auditLog, inboundEmails, outboxMessages, suggestions } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import {
  assignInboundToPlan,
  discardInbound,
  inboxPage,
  retryInbound,
} from '../../app/domain/moderation/inbox.server.ts';
import { downloadInboundEmail } from '../../app/domain/moderation/inbound-email-contacts.server.ts';
import { recordManualSuggestion } from '../../app/domain/intake/manual/record-manual-suggestion.server.ts';
import { manualChannels } from '../../app/domain/moderation/statuses.ts';
import { readConfig } from '../../app/server/config.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const config = readConfig({ SEED_DEMO: 'never' });
let planId: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };

beforeAll(async () => {
  planId = (await createPlan(database.db, { emailMarker: '规划意见' })).id;
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
});

test.each(manualChannels)(
  'a %s suggestion is recorded through submitSuggestion, with an acknowledgement and an audit row',
  async (channel) => {
    const input = {
      planId,
      channel,
      receivedOn: '2025-03-04',
      submitterType: '校友',
      contact: { name: '李四', email: `${channel}@example.edu.cn` },
      title: `${channel} 的意见`,
      body: '建议加强校友联络。',
      meeting: channel === 'symposium' ? { name: '校友代表座谈会', date: '2025-03-04' } : undefined,
      formKey: crypto.randomUUID(),
    };
    const saved = await recordManualSuggestion(database.db, {
      input,
      actor: moderator,
      trackUrl: 'http://localhost/track',
    });
    // The same form posted twice is one suggestion.
    expect(
      (await recordManualSuggestion(database.db, { input, actor: moderator, trackUrl: 'http://localhost/track' })).id,
    ).toBe(saved.id);
    const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, saved.id));
    expect(row).toMatchObject({ channel, status: 'received', intakeKey: `manual:${input.formKey}` });
    expect(row!.submittedAt.toISOString()).toBe('2025-03-03T16:00:00.000Z');
    expect(row!.intakeMeta).toMatchObject({
      recordedBy: moderator.id,
      receivedOn: '2025-03-04',
      ...(input.meeting ? { meeting: input.meeting } : {}),
    });
    expect(
      await database.db.select().from(outboxMessages).where(eq(outboxMessages.suggestionId, saved.id)),
    ).toHaveLength(1);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'suggestion'), eq(auditLog.targetId, String(saved.id))));
    expect(audits.map((a) => a.action)).toEqual(['suggestion.recorded']);
  },
);

const rawMail = (n: number, subject: string) =>
  Buffer.from(
    `From: =?UTF-8?B?${Buffer.from('王五').toString('base64')}?= <wang${n}@example.edu.cn>\r\nTo: jianyan@example.edu.cn\r\nSubject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=\r\nMessage-ID: <inbox-${n}@example.edu.cn>\r\nDate: Tue, 04 Mar 2025 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n建议图书馆延长开放时间到晚上十一点。\r\n`,
  );

async function queued(n: number, status: 'unmatched' | 'held', subject = '关于图书馆的建议') {
  const raw = rawMail(n, subject);
  const [row] = await database.db
    .insert(inboundEmails)
    .values({
      dedupeKey: `inbox-${n}`,
      messageId: `<inbox-${n}@example.edu.cn>`,
      source: 'test',
      raw,
      sizeBytes: raw.byteLength,
      status,
      statusReason: status === 'unmatched' ? 'no_marker' : 'plan_closed',
      subject,
      planId: status === 'held' ? planId : null,
    })
    .returning({ id: inboundEmails.id });
  return row!.id;
}

test('the inbox lists queued mail, with the sender only for contact readers', async () => {
  const id = await queued(1, 'unmatched');
  const plain = await inboxPage(database.db, { viewer: moderator, tab: 'unmatched' });
  expect(plain.rows.find((r) => r.id === id)).toMatchObject({
    subject: '关于图书馆的建议',
    statusReason: 'no_marker',
    sender: null,
  });
  const reader = await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'], totp: true });
  const withContact = await inboxPage(database.db, {
    viewer: { id: reader.id, permissions: permissionsOf('moderator', ['read:contact:any']) },
    tab: 'unmatched',
  });
  expect(withContact.rows.find((r) => r.id === id)!.sender).toBe('wang1@example.edu.cn');
  const eml = await downloadInboundEmail(database.db, {
    id,
    actor: { id: reader.id, permissions: permissionsOf('moderator', ['read:contact:any']) },
  });
  expect(eml!.raw.toString('utf8')).toContain('Message-ID: <inbox-1@example.edu.cn>');
  await expect(downloadInboundEmail(database.db, { id, actor: moderator })).rejects.toBeInstanceOf(Forbidden);
  const actions = (
    await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, reader.id))
  ).map((a) => a.action);
  expect(actions).toEqual(expect.arrayContaining(['inbound_email.senders_viewed', 'inbound_email.downloaded']));
});

test('assigning an unmatched mail to a plan turns it into an email suggestion; retry and discard are audited', async () => {
  const id = await queued(2, 'unmatched');
  const outcome = await assignInboundToPlan(database.db, { id, planId, actor: moderator, config });
  expect(outcome.status).toBe('ingested');
  const [suggestion] = await database.db.select().from(suggestions).where(eq(suggestions.id, outcome.suggestionId!));
  expect(suggestion).toMatchObject({ channel: 'email', planId });
  expect(suggestion!.intakeMeta).toMatchObject({ inboundEmailId: id });

  const held = await queued(3, 'held');
  // A held mail already linked to a plan is taken on retry (a person decided it belongs there).
  expect((await retryInbound(database.db, { id: held, actor: moderator, config })).status).toBe('ingested');
  const junk = await queued(4, 'unmatched', '广告');
  await discardInbound(database.db, { id: junk, reason: '广告邮件', actor: moderator });
  const [discarded] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, junk));
  expect(discarded).toMatchObject({ status: 'discarded', statusReason: '广告邮件' });
  await expect(discardInbound(database.db, { id: junk, reason: '再次', actor: moderator })).rejects.toThrow(
    'not_allowed',
  );
  const actions = (
    await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, moderator.id))
  ).map((a) => a.action);
  expect(actions).toEqual(
    expect.arrayContaining(['inbound_email.assigned', 'inbound_email.retried', 'inbound_email.discarded']),
  );
});
