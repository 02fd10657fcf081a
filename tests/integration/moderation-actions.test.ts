import { Forbidden } from '../../app/domain/authorization/actor.ts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import {
  auditLog,
  inboundEmails,
  staffUsers,
  outboxMessages,
  suggestionNoteMentions,
  suggestions,
  suggestionTags,
  tags,
} from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { applyBulkAction } from '../../app/domain/moderation/bulk-actions.server.ts';
import { decideSuggestion, moveSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { markDuplicate } from '../../app/domain/moderation/mark-duplicate.server.ts';
import { addNote, notesFor } from '../../app/domain/moderation/notes.server.ts';
import { replyToSubmitter } from '../../app/domain/moderation/reply-to-submitter.server.ts';
import { trackSuggestion } from '../../app/domain/suggestions/queries.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { outboxMail } from '../factories/sealed.ts';

const database = setupTestDatabase();
let planId: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };
const planner = { id: 0, permissions: permissionsOf('planner', []) };

const statusOf = async (id: number) =>
  (await database.db.select({ s: suggestions.status }).from(suggestions).where(eq(suggestions.id, id)))[0]!.s;
const auditFor = (id: number, action: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'suggestion'), eq(auditLog.targetId, String(id)), eq(auditLog.action, action)));

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
});

test('a bulk action changes the whole selection in one transaction, with an audit row each', async () => {
  const ids = [
    (await createSuggestion(database.db, planId)).id,
    (await createSuggestion(database.db, planId)).id,
    (await createSuggestion(database.db, planId)).id,
  ];
  expect(
    await applyBulkAction(database.db, {
      ids,
      action: { kind: 'addTags', names: ['食堂', '后勤，夜宵'] },
      actor: moderator,
    }),
  ).toBe(3);
  const tagged = await database.db
    .select()
    .from(suggestionTags)
    .innerJoin(tags, eq(tags.id, suggestionTags.tagId))
    .where(eq(tags.name, '食堂'));
  expect(tagged.map((r) => r.suggestion_tags.suggestionId).sort()).toEqual([...ids].sort());
  expect(await auditFor(ids[0]!, 'suggestion.tagged')).toHaveLength(1);
  await applyBulkAction(database.db, { ids, action: { kind: 'status', status: 'in_review' }, actor: moderator });
  for (const id of ids) expect(await statusOf(id)).toBe('in_review');
  expect((await auditFor(ids[2]!, 'suggestion.status_changed'))[0]!.details).toEqual({
    from: 'received',
    to: 'in_review',
    bulk: true,
  });
});

test('one suggestion that cannot take the action rolls the whole bulk action back', async () => {
  const [category] = await addCategories(database.db, planId, ['校园建设']);
  const open = (await createSuggestion(database.db, planId)).id;
  const decided = (await createSuggestion(database.db, planId)).id;
  await decideSuggestion(database.db, {
    id: decided,
    actor: moderator,
    input: { decision: 'adopted', reason: '可行', publishable: false },
  });
  await expect(
    applyBulkAction(database.db, {
      ids: [open, decided],
      action: { kind: 'status', status: 'received' },
      actor: moderator,
    }),
  ).rejects.toThrow('not_allowed');
  const other = await createPlan(database.db);
  const foreign = (await createSuggestion(database.db, other.id)).id;
  await expect(
    applyBulkAction(database.db, {
      ids: [open, foreign],
      action: { kind: 'category', categoryId: category!.id },
      actor: moderator,
    }),
  ).rejects.toThrow('other_plan');
  const [row] = await database.db
    .select({ categoryId: suggestions.categoryId })
    .from(suggestions)
    .where(eq(suggestions.id, open));
  expect(row!.categoryId).toBeNull();
  expect(await auditFor(open, 'suggestion.status_changed')).toHaveLength(0);
  expect(await auditFor(open, 'suggestion.category_changed')).toHaveLength(0);
  await expect(
    applyBulkAction(database.db, { ids: [open], action: { kind: 'status', status: 'spam' }, actor: planner }),
  ).rejects.toBeInstanceOf(Forbidden);
});

test('a decision needs a reason, sets decidedAt, and /track shows the status and the public reply', async () => {
  const saved = await createSuggestion(database.db, planId, { contact: { email: 'track@example.edu.cn' } });
  await moveSuggestion(database.db, {
    id: saved.id,
    move: 'start_review',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });
  await expect(
    decideSuggestion(database.db, {
      id: saved.id,
      actor: moderator,
      input: { decision: 'partially_adopted', reason: '  ', publishable: true },
    }),
  ).rejects.toThrow();
  await decideSuggestion(database.db, {
    id: saved.id,
    actor: moderator,
    input: {
      decision: 'partially_adopted',
      reason: '部分可行',
      publicReply: '规划已吸收您的部分建议。',
      publicSummary: '增加夜宵供应',
      publishable: true,
    },
  });
  const tracked = await trackSuggestion(database.db, saved.trackingCode, 'track@example.edu.cn');
  expect(tracked).toMatchObject({ status: 'partially_adopted', publicReply: '规划已吸收您的部分建议。' });
  expect(tracked!.decidedAt).toBeInstanceOf(Date);
  const [audit] = await auditFor(saved.id, 'suggestion.decided');
  expect(audit!.details).toEqual({ from: 'in_review', to: 'partially_adopted', publicReply: true, publishable: true });
  // Reopening keeps the history and clears the decision date.
  await moveSuggestion(database.db, {
    id: saved.id,
    move: 'reopen',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });
  expect(await statusOf(saved.id)).toBe('in_review');
  expect(await auditFor(saved.id, 'suggestion.reopened')).toHaveLength(1);
});

test('待核验 suggestions are verified or rejected as spam', async () => {
  const held = await createSuggestion(database.db, planId, {
    status: 'pending_verification',
    heldReason: 'captcha_missing',
  });
  const spam = await createSuggestion(database.db, planId, { status: 'pending_verification', heldReason: 'honeypot' });
  await moveSuggestion(database.db, {
    id: held.id,
    move: 'verify',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });
  await moveSuggestion(database.db, {
    id: spam.id,
    move: 'reject_spam',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });
  expect(await statusOf(held.id)).toBe('received');
  expect(await statusOf(spam.id)).toBe('spam');
  await expect(
    moveSuggestion(database.db, {
      id: held.id,
      move: 'verify',
      actor: moderator,
      siteUrl: 'https://jianyan.example.edu.cn',
    }),
  ).rejects.toThrow('not_allowed');
});

test('a duplicate keeps both rows and points at the kept one, which gains its tags and notes', async () => {
  const original = await createSuggestion(database.db, planId, { contact: { name: '甲' } });
  const duplicate = await createSuggestion(database.db, planId, { contact: { name: '乙' } });
  const third = await createSuggestion(database.db, planId);
  await applyBulkAction(database.db, {
    ids: [duplicate.id],
    action: { kind: 'addTags', names: ['重复标签'] },
    actor: moderator,
  });
  await addNote(database.db, { suggestionId: duplicate.id, body: '与另一条相同', actor: moderator });
  expect(await markDuplicate(database.db, { id: duplicate.id, originalId: original.id, actor: moderator })).toBe(
    original.id,
  );
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, duplicate.id));
  expect(row).toMatchObject({ status: 'duplicate', duplicateOfId: original.id });
  expect((await notesFor(database.db, original.id)).map((n) => n.body)).toEqual(['与另一条相同']);
  const originalTags = await database.db
    .select()
    .from(suggestionTags)
    .where(eq(suggestionTags.suggestionId, original.id));
  expect(originalTags).toHaveLength(1);
  // A duplicate of the duplicate points at the root.
  expect(await markDuplicate(database.db, { id: third.id, originalId: duplicate.id, actor: moderator })).toBe(
    original.id,
  );
  await expect(
    markDuplicate(database.db, { id: original.id, originalId: original.id, actor: moderator }),
  ).rejects.toThrow('same_suggestion');
  expect((await auditFor(duplicate.id, 'suggestion.marked_duplicate'))[0]!.details).toMatchObject({
    originalId: original.id,
    notesMoved: 1,
  });
});

test('notes are threaded and @mentions link the colleague', async () => {
  const colleague = await createStaff(database.db, { role: 'moderator' });
  const colleagueName = '王小明';
  await database.db.update(staffUsers).set({ name: colleagueName }).where(eq(staffUsers.id, colleague.id));
  const saved = await createSuggestion(database.db, planId);
  const first = await addNote(database.db, {
    suggestionId: saved.id,
    body: `请 @${colleagueName} 看一下`,
    actor: moderator,
  });
  await addNote(database.db, { suggestionId: saved.id, parentId: first, body: '已看', actor: moderator });
  const tree = await notesFor(database.db, saved.id);
  expect(tree).toHaveLength(1);
  expect(tree[0]!.replies.map((r) => r.body)).toEqual(['已看']);
  expect(tree[0]!.mentions.map((m) => m.id)).toContain(colleague.id);
  const mentions = await database.db
    .select()
    .from(suggestionNoteMentions)
    .where(eq(suggestionNoteMentions.noteId, first));
  expect(mentions.map((m) => m.staffUserId)).toContain(colleague.id);
  const other = await createSuggestion(database.db, planId);
  await expect(
    addNote(database.db, { suggestionId: other.id, parentId: first, body: '错位', actor: moderator }),
  ).rejects.toThrow('not_found');
});

test('a reply goes to the outbox, to the submitter, threaded under the original mail', async () => {
  const [mail] = await database.db
    .insert(inboundEmails)
    .values({
      dedupeKey: 'reply-test',
      messageId: '<orig-1@example.edu.cn>',
      source: 'test',
      raw: Buffer.from('Subject: x\r\n\r\nbody'),
      sizeBytes: 20,
      status: 'ingested',
    })
    .returning();
  const saved = await createSuggestion(database.db, planId, {
    channel: 'email',
    contact: { email: 'sender@example.edu.cn' },
    intakeMeta: { inboundEmailId: mail!.id, messageId: '<orig-1@example.edu.cn>' },
  });
  await replyToSubmitter(database.db, {
    id: saved.id,
    message: '您好，您的建议已转交相关部门。\n\n谢谢。',
    actor: moderator,
  });
  const [queued] = await outboxMail(
    database.db,
    and(eq(outboxMessages.suggestionId, saved.id), eq(outboxMessages.kind, 'staff_reply')),
  );
  expect(queued!.toAddress).toBe('sender@example.edu.cn');
  expect(queued!.headers).toEqual({
    'Auto-Submitted': 'auto-replied',
    'In-Reply-To': '<orig-1@example.edu.cn>',
    References: '<orig-1@example.edu.cn>',
  });
  expect(queued!.text).toContain('您的建议已转交相关部门');
  expect(queued!.html).toContain('lang="zh-CN"');
  const [audit] = await auditFor(saved.id, 'suggestion.replied');
  expect(audit!.details).toEqual({ outboxId: queued!.id });
  const web = await createSuggestion(database.db, planId, { contact: { email: 'web@example.edu.cn' } });
  await replyToSubmitter(database.db, { id: web.id, message: '谢谢您的建议。', actor: moderator });
  const [webMail] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.suggestionId, web.id));
  expect(webMail!.headers).toEqual({});
  const anonymous = await createSuggestion(database.db, planId, { contact: { name: '匿名' } });
  await expect(replyToSubmitter(database.db, { id: anonymous.id, message: '谢谢', actor: moderator })).rejects.toThrow(
    'no_email',
  );
});
