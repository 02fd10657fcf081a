import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import {
  submitSuggestion,
  SuggestionRejected,
  type SubmitSuggestionInput,
} from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { outboxMessages, suggestionContacts, suggestions } from '../../db/schema/index.ts';
import { addCategories, addSections, createPlan } from '../factories/plans.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { openedContact } from '../factories/sealed.ts';

const database = setupTestDatabase();

async function input(overrides: Partial<SubmitSuggestionInput> = {}): Promise<SubmitSuggestionInput> {
  const plan = await createPlan(database.db);
  return {
    planId: plan.id,
    channel: 'letter',
    title: '来信：关于食堂价格',
    body: '建议食堂增加平价窗口。',
    submitterType: '教职工',
    contact: { name: '李老师', unit: '后勤处' },
    trackUrl: 'http://localhost:3000/track',
    ...overrides,
  };
}

test('any channel goes through the same function; no email means no acknowledgement', async () => {
  const result = await submitSuggestion(database.db, await input());
  expect(result.created).toBe(true);
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, result.id));
  expect(row).toMatchObject({ channel: 'letter', status: 'received', trackingCode: result.trackingCode });
  expect(await database.db.$count(outboxMessages, eq(outboxMessages.suggestionId, result.id))).toBe(0);
  const contact = await openedContact(database.db, result.id);
  expect(contact).toMatchObject({ name: '李老师', unit: '后勤处', phone: null, email: null });
});

test('an anonymous suggestion stores no contact row at all', async () => {
  const result = await submitSuggestion(database.db, await input({ contact: {} }));
  expect(await database.db.$count(suggestionContacts, eq(suggestionContacts.suggestionId, result.id))).toBe(0);
});

test('a section or category of another plan is refused, and nothing is stored', async () => {
  const other = await createPlan(database.db);
  const [foreignSection] = await addSections(database.db, other.id, ['别的规划']);
  const [foreignCategory] = await addCategories(database.db, other.id, ['别的类别']);
  const before = await database.db.$count(suggestions);
  await expect(submitSuggestion(database.db, await input({ sectionId: foreignSection!.id }))).rejects.toBeInstanceOf(
    SuggestionRejected,
  );
  await expect(submitSuggestion(database.db, await input({ categoryId: foreignCategory!.id }))).rejects.toThrow(
    /unknown_category/,
  );
  await expect(submitSuggestion(database.db, await input({ body: '   ' }))).rejects.toThrow(/empty/);
  expect(await database.db.$count(suggestions)).toBe(before);
});

test('the same intake key returns the first suggestion, even under concurrency', async () => {
  const base = await input({ intakeKey: 'email:<abc@example.edu.cn>', contact: { email: 'a@example.edu.cn' } });
  const results = await Promise.all(Array.from({ length: 8 }, () => submitSuggestion(database.db, base)));
  expect(new Set(results.map((r) => r.trackingCode)).size).toBe(1);
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(await database.db.$count(suggestions, eq(suggestions.intakeKey, base.intakeKey!))).toBe(1);
  expect(await database.db.$count(outboxMessages, eq(outboxMessages.suggestionId, results[0]!.id))).toBe(1);
});

test('a failure after the insert rolls everything back: no suggestion, contact or mail', async () => {
  const before = {
    suggestions: await database.db.$count(suggestions),
    outbox: await database.db.$count(outboxMessages),
  };
  const bad = await input({
    contact: { email: 'rollback@example.edu.cn' },
    attachments: [{ filename: 'x.pdf', contentType: 'application/pdf', bytes: new Uint8Array([1]) }],
  });
  // A NUL cannot be stored in a text column: the attachment insert, after the
  // suggestion and contact inserts, fails (adapters set content types, so
  // intake does not clean them).
  bad.attachments![0]!.contentType = 'application/\u0000pdf';
  await expect(submitSuggestion(database.db, bad)).rejects.toThrow();
  expect(await database.db.$count(suggestions)).toBe(before.suggestions);
  expect(await database.db.$count(outboxMessages)).toBe(before.outbox);
});

test('control characters and NUL from hostile input are stripped, not a failure', async () => {
  const result = await submitSuggestion(
    database.db,
    await input({
      title: '标题\u0000带空字符',
      body: '正文\u0007\u0000内容\n第二行',
      contact: { name: '王\u0000五' },
      attachments: [{ filename: 'a\u0000.txt', contentType: 'text/plain', bytes: new Uint8Array([65]) }],
    }),
  );
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, result.id));
  expect(row).toMatchObject({ title: '标题带空字符', body: '正文内容\n第二行' });
});
