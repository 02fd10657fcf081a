import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { QUEUES } from '../../app/domain/jobs/queues.ts';
import { filteredSuggestions } from '../../app/domain/moderation/filtered-suggestions.server.ts';
import { parseQueueQuery } from '../../app/domain/moderation/queue-filter.ts';
import { enrichMissing } from '../../app/domain/enrichment/enrich-missing.server.ts';
import { enrichSuggestion } from '../../app/domain/enrichment/enrich-suggestion.server.ts';
import { submitSuggestion } from '../../app/domain/suggestions/submit-suggestion.server.ts';
import { startQuietWorker } from '../setup/quiet-worker.ts';
import {
  suggestionFingerprints,
  suggestionProposals,
  suggestions,
  suggestionSearch,
  suggestionSimilarities,
} from '../../db/schema/index.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// Issue 16: the receipt waits only for the suggestion, its contact and its
// mail; the search row, near-duplicate links and proposal come from the
// `suggestion-enrich` job, queued in the receipt's own transaction.

const database = setupTestDatabase();
let planId: number;
let viewer: { id: number; permissions: ReturnType<typeof permissionsOf> };

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  await addCategories(database.db, planId, ['后勤保障', '师资队伍']);
  const staff = await createStaff(database.db, { role: 'moderator' });
  viewer = { id: staff.id, permissions: permissionsOf('moderator', []) };
});

const submit = (title: string, body: string, channel: 'web' | 'email' = 'web') =>
  submitSuggestion(database.db, {
    planId,
    channel,
    title,
    body,
    submitterType: '学生',
    contact: { email: 'student@example.edu.cn' },
    trackUrl: 'http://localhost/track',
    acknowledge: false,
  });

const enrichJobsFor = async (suggestionId: number) =>
  (
    await database.sql<{ state: string }[]>`
      select state from pgboss.job where name = ${QUEUES.enrichSuggestion} and (data->>'suggestionId')::bigint = ${suggestionId}`
  ).map((row) => row.state);

const queue = async (extra: Record<string, string> = {}) =>
  (
    await filteredSuggestions(database.db, {
      viewer,
      query: parseQueueQuery(new URLSearchParams({ plan: String(planId), ...extra })),
    })
  ).rows.map((r) => r.id);

const derivedRows = async (id: number) => ({
  search: await database.db.select().from(suggestionSearch).where(eq(suggestionSearch.suggestionId, id)),
  fingerprint: await database.db
    .select()
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.suggestionId, id)),
  similar: await database.db
    .select()
    .from(suggestionSimilarities)
    .where(sql`${suggestionSimilarities.suggestionId} = ${id} or ${suggestionSimilarities.similarId} = ${id}`)
    .orderBy(asc(suggestionSimilarities.suggestionId), asc(suggestionSimilarities.similarId)),
  proposal: await database.db.select().from(suggestionProposals).where(eq(suggestionProposals.suggestionId, id)),
});

test('the receipt commits the suggestion with its job; the queue lists it at once, search finds it once the job ran', async () => {
  const { id } = await submit('食堂夜宵', '建议食堂晚上增设夜宵窗口，方便晚自习的同学。');
  expect(await enrichJobsFor(id)).toEqual(['created']);
  expect(await database.db.$count(suggestionSearch, eq(suggestionSearch.suggestionId, id))).toBe(0);
  expect(await queue()).toContain(id);
  expect(await queue({ q: '夜宵' })).not.toContain(id);

  const worker = await startQuietWorker(database, '.tmp/enrichment-jobs');
  try {
    // A correctness wait, not a timing claim: the bound only keeps a broken job from hanging the run.
    await expect.poll(() => queue({ q: '夜宵' }), { timeout: 15_000 }).toContain(id);
    await expect.poll(() => enrichJobsFor(id), { timeout: 15_000 }).toEqual(['completed']);
  } finally {
    await worker.stop();
  }
});

test('a suggestion whose transaction rolls back leaves no job behind', async () => {
  const before = await database.sql<
    { n: number }[]
  >`select count(*)::int as n from pgboss.job where name = ${QUEUES.enrichSuggestion}`;
  await expect(
    database.db.transaction(async (tx) => {
      await submitSuggestion(tx, {
        planId,
        channel: 'letter',
        title: '回滚',
        body: '这条意见所在的事务会回滚。',
        submitterType: '学生',
        contact: {},
        trackUrl: 'http://localhost/track',
        acknowledge: false,
      });
      throw new Error('rolled back on purpose');
    }),
  ).rejects.toThrow('rolled back on purpose');
  const after = await database.sql<
    { n: number }[]
  >`select count(*)::int as n from pgboss.job where name = ${QUEUES.enrichSuggestion}`;
  expect(after[0]!.n).toBe(before[0]!.n);
});

test('enrichment is idempotent: run again, the same rows, and a moderator’s answer to the proposal stays', async () => {
  const first = await submit('师资建设', '我校应当继续加强师资队伍建设，完善青年教师培养和人才引进政策。');
  const second = await submit('关于师资', '我校应继续加强师资队伍建设，完善青年教师培养与人才引进政策。');
  await enrichSuggestion(database.db, first.id);
  await enrichSuggestion(database.db, second.id);
  await database.db
    .update(suggestionProposals)
    .set({ resolution: 'accepted', resolvedBy: viewer.id, resolvedAt: new Date() })
    .where(eq(suggestionProposals.suggestionId, second.id));
  const once = await derivedRows(second.id);
  expect(once.similar).toHaveLength(1);
  expect(once.proposal[0]?.resolution).toBe('accepted');

  await enrichSuggestion(database.db, second.id);
  await enrichSuggestion(database.db, first.id);
  const twice = await derivedRows(second.id);
  expect({ ...twice, search: twice.search.map(({ indexedAt: _, ...row }) => row) }).toEqual({
    ...once,
    search: once.search.map(({ indexedAt: _, ...row }) => row),
  });
});

test('two copies submitted at the same instant are linked: their jobs take the plan one at a time', async () => {
  const text = '建议图书馆延长周末开放时间，考试周期间通宵开放自习室，并增加插座。';
  const [a, b] = await Promise.all([submit('图书馆开放时间', text), submit('图书馆开放时间', `${text}谢谢。`)]);
  // Both receipts committed before either job ran: the request could not have linked them.
  await Promise.all([enrichSuggestion(database.db, a.id), enrichSuggestion(database.db, b.id)]);
  const pairs = await database.db
    .select({ low: suggestionSimilarities.suggestionId, high: suggestionSimilarities.similarId })
    .from(suggestionSimilarities)
    .where(
      sql`${suggestionSimilarities.suggestionId} in (${a.id}, ${b.id}) and ${suggestionSimilarities.similarId} in (${a.id}, ${b.id})`,
    );
  expect(pairs).toEqual([{ low: Math.min(a.id, b.id), high: Math.max(a.id, b.id) }]);
  const clusters = await database.db
    .select({ cluster: suggestionFingerprints.clusterId })
    .from(suggestionFingerprints)
    .where(sql`${suggestionFingerprints.suggestionId} in (${a.id}, ${b.id})`);
  expect(new Set(clusters.map((c) => c.cluster)).size).toBe(1);
});

test('an email suggestion gets its proposed category pre-filled by the job; a category a moderator set first is kept', async () => {
  const body = '宿舍热水只供应两个小时，冬天洗澡很不方便，食堂也太远。';
  const prefilled = await submit('宿舍', body, 'email');
  const chosen = await submit('宿舍', body, 'email');
  const [other] = await addCategories(database.db, planId, ['其他']);
  await database.db.update(suggestions).set({ categoryId: other!.id }).where(eq(suggestions.id, chosen.id));

  await enrichSuggestion(database.db, prefilled.id);
  await enrichSuggestion(database.db, chosen.id);
  const proposals = await database.db
    .select()
    .from(suggestionProposals)
    .where(sql`${suggestionProposals.suggestionId} in (${prefilled.id}, ${chosen.id})`);
  const proposed = proposals.find((p) => p.suggestionId === prefilled.id)!;
  expect(proposed.categoryId).not.toBeNull();
  expect(proposed.categoryPrefilled).toBe(true);
  const rows = await database.db
    .select({ id: suggestions.id, categoryId: suggestions.categoryId })
    .from(suggestions)
    .where(sql`${suggestions.id} in (${prefilled.id}, ${chosen.id})`);
  expect(Object.fromEntries(rows.map((r) => [r.id, r.categoryId]))).toEqual({
    [prefilled.id]: proposed.categoryId,
    [chosen.id]: other!.id,
  });
});

test('the search sweep leaves a suggestion to its job, and enriches one whose job was lost', async () => {
  const { id } = await submit('操场照明', '建议操场晚上开灯到十点，方便夜跑。');
  expect(await enrichMissing(database.db)).toBe(0);
  await database.sql`delete from pgboss.job where name = ${QUEUES.enrichSuggestion} and (data->>'suggestionId')::bigint = ${id}`;
  expect(await queue({ q: '夜跑' })).not.toContain(id);
  expect(await enrichMissing(database.db)).toBeGreaterThanOrEqual(1);
  expect(await queue({ q: '夜跑' })).toContain(id);
  expect(await enrichMissing(database.db)).toBe(0);
});
