import { spawn } from 'node:child_process';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { countSubmitters } from '../../app/domain/contacts/contacts.server.ts';
import { decideSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { purgeExpiredContacts } from '../../app/domain/retention/purge-expired-contacts.server.ts';
import { readConfig } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { startWorker } from '../../app/server/worker.ts';
import {
  auditLog,
  inboundEmails,
  outboxMessages,
  plans,
  suggestionContacts,
  suggestions,
  suggestionTextOriginals,
} from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { outboxMail } from '../factories/sealed.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { ingest } from './helpers/email.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Retention: contact details, raw mail and sent mail of a plan go a set number
// of days (default 180) after it closes; suggestions, decisions and counts stay.

const DAY = 24 * 60 * 60 * 1000;
const database = setupTestDatabase();
const portal = setupTestPortal(database);
const config = readConfig({ DATABASE_URL: database.url, SEED_DEMO: 'never' });
const now = new Date();
let expired: { id: number; ids: number[]; mailId: number; participants: number };
let recent: { id: number; ids: number[] };

async function seedPlan(closedDaysAgo: number, marker: string) {
  const plan = await createPlan(database.db, {
    status: 'closed',
    opensAt: new Date(now.getTime() - (closedDaysAgo + 40) * DAY),
    closesAt: new Date(now.getTime() - closedDaysAgo * DAY),
    emailMarker: marker,
  });
  const ids: number[] = [];
  for (const [i, email] of ['same@example.edu.cn', 'same@example.edu.cn', 'other@example.edu.cn'].entries()) {
    // The first also wrote its phone into the text: the sealed original is a contact detail too (decision 057).
    const body = i === 0 ? `建议延长开放时间，电话 1390000000${i}。` : undefined;
    ids.push(
      (
        await createSuggestion(database.db, plan.id, {
          contact: { name: `提交人${i}`, phone: `1390000000${i}`, email },
          acknowledge: {},
          ...(body ? { body } : {}),
        })
      ).id,
    );
  }
  return { id: plan.id, ids };
}

beforeAll(async () => {
  const old = await seedPlan(200, '旧规划意见');
  // Mail sent for one suggestion; the others' acknowledgements still wait.
  await database.db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: now })
    .where(eq(outboxMessages.suggestionId, old.ids[0]!));
  // A mail for the closed plan (held: the consultation had closed), with its raw message.
  const raw = Buffer.from(
    `From: late@example.edu.cn\r\nSubject: =?UTF-8?B?${Buffer.from('旧规划意见 晚到的信').toString('base64')}?=\r\nMessage-ID: <late@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n建议延长。\r\n`,
    'utf8',
  );
  const { stored } = await ingest(database.db, config, raw);
  await database.db.update(inboundEmails).set({ planId: old.id }).where(eq(inboundEmails.id, stored.id));
  // Intake kept the decoded text for the mail queue: it goes with the raw message.
  const [kept] = await database.db
    .select({ text: inboundEmails.text })
    .from(inboundEmails)
    .where(eq(inboundEmails.id, stored.id));
  expect(kept!.text).not.toBeNull();
  const moderator = await createStaff(database.db, { role: 'moderator' });
  await decideSuggestion(database.db, {
    id: old.ids[0]!,
    actor: { id: moderator.id, permissions: permissionsOf('moderator', []) },
    input: { decision: 'adopted', reason: '可行', publicReply: '已采纳。', publishable: false },
  });
  expired = { ...old, mailId: stored.id, participants: await countSubmitters(database.db, old.id) };
  recent = await seedPlan(10, '新规划意见');
});

test('a plan past its retention period loses contacts, raw mail and sent mail; suggestions, decisions and counts stay; audited with counts', async () => {
  expect(expired.participants).toBe(2);
  const [purge] = await purgeExpiredContacts(database.db, { now });
  expect(purge).toEqual({ planId: expired.id, contacts: 3, emails: 1, outgoing: 1, textOriginals: 1 });
  expect(
    await database.db.$count(suggestionTextOriginals, inArray(suggestionTextOriginals.suggestionId, expired.ids)),
  ).toBe(0);
  expect(
    await database.db.$count(suggestionTextOriginals, inArray(suggestionTextOriginals.suggestionId, recent.ids)),
  ).toBe(1);

  expect(await database.db.$count(suggestionContacts, inArray(suggestionContacts.suggestionId, expired.ids))).toBe(0);
  const kept = await database.db.select().from(suggestions).where(inArray(suggestions.id, expired.ids));
  expect(kept).toHaveLength(3);
  expect(kept.find((s) => s.id === expired.ids[0])).toMatchObject({
    status: 'adopted',
    decisionReason: '可行',
    publicReply: '已采纳。',
  });
  expect(await countSubmitters(database.db, expired.id)).toBe(2);

  const [mail] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, expired.mailId));
  expect(mail).toMatchObject({
    raw: null,
    rawHead: null,
    text: null,
    sanitizedHtml: null,
    subject: '旧规划意见 晚到的信',
  });
  expect(mail!.contentPurgedAt).toBeInstanceOf(Date);
  const outgoing = await outboxMail(database.db, inArray(outboxMessages.suggestionId, expired.ids));
  expect(outgoing.filter((m) => m.status === 'sent').map((m) => m.toAddress)).toEqual(['']);
  // Mail not yet delivered keeps its address, to be delivered.
  expect(outgoing.filter((m) => m.status === 'pending').map((m) => m.toAddress)).toEqual([
    'same@example.edu.cn',
    'other@example.edu.cn',
  ]);

  const [entry] = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'plan.contacts_purged'), eq(auditLog.targetId, String(expired.id))));
  expect(entry).toMatchObject({
    actorId: null,
    targetType: 'plan',
    details: { contacts: 3, emails: 1, outgoing: 1, textOriginals: 1, retentionDays: 180 },
  });

  // A plan closed 10 days ago keeps everything.
  expect(await database.db.$count(suggestionContacts, inArray(suggestionContacts.suggestionId, recent.ids))).toBe(3);
  // Run again: nothing more to do, no second audit entry.
  expect(await purgeExpiredContacts(database.db, { now })).toEqual([]);
  expect(await database.db.$count(auditLog, eq(auditLog.action, 'plan.contacts_purged'))).toBe(1);
});

test('the retention period is per plan, set on the plan form with a localized error for a bad value', async () => {
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  const cookie = `jianyan_staff=${await signIn(database.db, admin.id)}`;
  const [plan] = await database.db.select().from(plans).where(eq(plans.id, recent.id));
  const form = (days: string) =>
    new URLSearchParams({
      intent: 'save',
      slug: plan!.slug,
      title: plan!.title,
      submitterTypes: plan!.submitterTypes.join('\n'),
      bodyMinLength: '10',
      bodyMaxLength: '5000',
      opensAt: '',
      closesAt: '',
      contactRetentionDays: days,
    });
  const post = (days: string) =>
    fetch(`${portal.url}/admin/plans/${recent.id}`, {
      method: 'POST',
      body: form(days),
      redirect: 'manual',
      headers: { cookie, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    });
  const page = await (await fetch(`${portal.url}/admin/plans/${recent.id}`, { headers: { cookie } })).text();
  expect(page).toContain('联系方式保存天数（征集截止后）');
  expect(page).toMatch(/name="contactRetentionDays"[^>]*value="180"/);

  const refused = await post('0');
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain('请填写 1 到 3650 之间的天数。');

  expect((await post('5')).status).toBe(302);
  const [saved] = await database.db.select().from(plans).where(eq(plans.id, recent.id));
  expect(saved!.contactRetentionDays).toBe(5);
  // Keep the window: the plan form above cleared it, so put the closing date back.
  await database.db
    .update(plans)
    .set({ closesAt: new Date(now.getTime() - 10 * DAY) })
    .where(eq(plans.id, recent.id));
});

test(
  'the worker purges on its daily pass, and `npm run retention` reports what it did',
  { timeout: 60_000 },
  async () => {
    const worker = await startWorker({
      db: database.db,
      databaseUrl: database.url,
      config: readConfig({ DATABASE_URL: database.url, DATA_DIR: '.tmp/retention-worker' }),
      log: createLogger('silent'),
    });
    try {
      await expect
        .poll(() => database.db.$count(suggestionContacts, inArray(suggestionContacts.suggestionId, recent.ids)), {
          timeout: 10_000,
        })
        .toBe(0);
    } finally {
      await worker.stop();
    }
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.contacts_purged'), eq(auditLog.targetId, String(recent.id))));
    expect(entry!.details).toMatchObject({ contacts: 3, retentionDays: 5 });

    const late = await createSuggestion(database.db, recent.id, {
      contact: { name: '补录', email: 'late-letter@example.edu.cn' },
    });
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli/retention.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          LOG_LEVEL: 'silent',
          DATA_DIR: '.tmp/retention-cli',
          CONTACT_KEY: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c) => (out += String(c)));
      child.stderr.on('data', (c) => (out += String(c)));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    expect(output).toContain(`plan ${recent.id}: 1 contact records`);
    expect(await database.db.$count(suggestionContacts, eq(suggestionContacts.suggestionId, late.id))).toBe(0);
    // The participant count stands: three people before, plus the late letter.
    expect(await countSubmitters(database.db, recent.id)).toBe(3);
  },
);
