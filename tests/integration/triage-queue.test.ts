import { Forbidden } from '../../app/domain/authorization/actor.ts';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { connect } from '../../db/client.server.ts';
import { suggestions } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { applyBulkAction } from '../../app/domain/moderation/bulk-actions.server.ts';
import {
  filteredSuggestions,
  queueNeighbours,
  statusCounts,
} from '../../app/domain/moderation/filtered-suggestions.server.ts';
import { parseQueueQuery } from '../../app/domain/moderation/queue-filter.ts';
import { addCategories, addSections, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
let planId: number;
let otherPlanId: number;
let categoryId: number;
let sectionId: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };
const all: number[] = [];

const query = (params: Record<string, string> = {}) => parseQueueQuery(new URLSearchParams(params));
const page = (params: Record<string, string> = {}) =>
  filteredSuggestions(database.db, { viewer: moderator, query: query(params) });

beforeAll(async () => {
  const plan = await createPlan(database.db);
  const other = await createPlan(database.db);
  planId = plan.id;
  otherPlanId = other.id;
  categoryId = (await addCategories(database.db, planId, ['人才培养', '后勤保障']))[0]!.id;
  sectionId = (await addSections(database.db, planId, ['总则']))[0]!.id;
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  // 120 in one plan, spread over 60 days, two per day at the same instant (ties broken by id).
  const base = Date.now() - 60 * DAY;
  for (let i = 0; i < 120; i++) {
    const saved = await createSuggestion(database.db, planId, {
      channel: i % 3 === 0 ? 'email' : 'web',
      submitterType: i % 2 ? '在校学生' : '教职工',
      categoryId: i % 4 === 0 ? categoryId : null,
      sectionId: i % 5 === 0 ? sectionId : null,
      submittedAt: new Date(base + Math.floor(i / 2) * DAY),
      status: i % 10 === 0 ? 'pending_verification' : 'received',
      attachments:
        i % 7 === 0 ? [{ filename: 'a.txt', contentType: 'text/plain', bytes: Buffer.from('附件') }] : undefined,
    });
    all.push(saved.id);
  }
  await createSuggestion(database.db, otherPlanId, { title: '另一个规划的意见' });
});

test('keyset pages walk the whole queue once, newest first, with no repeats or gaps', async () => {
  const seen: number[] = [];
  let after: string | undefined;
  do {
    const result = await page({ plan: String(planId), size: '25', ...(after ? { after } : {}) });
    seen.push(...result.rows.map((r) => r.id));
    after = result.next ?? undefined;
  } while (after);
  expect(seen).toHaveLength(120);
  expect(new Set(seen).size).toBe(120);
  const rows = await database.db
    .select({ id: suggestions.id, at: suggestions.submittedAt })
    .from(suggestions)
    .where(eq(suggestions.planId, planId));
  const expected = rows.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id).map((r) => r.id);
  expect(seen).toEqual(expected);
});

test('oldest first and recently updated sort the other way and by updates', async () => {
  const oldest = await page({ plan: String(planId), sort: 'oldest', size: '10' });
  expect(oldest.rows[0]!.id).toBe(all[0]);
  const second = await page({ plan: String(planId), sort: 'oldest', size: '10', after: oldest.next! });
  expect(second.rows[0]!.id).toBe(all[10]);
  await applyBulkAction(database.db, {
    ids: [all[3]!],
    action: { kind: 'addTags', names: ['更新'] },
    actor: moderator,
  });
  const updated = await page({ plan: String(planId), sort: 'updated', size: '10' });
  expect(updated.rows[0]!.id).toBe(all[3]);
});

test('each filter narrows the queue', async () => {
  const ids = async (params: Record<string, string>) =>
    (await page({ plan: String(planId), size: '100', ...params })).rows.length;
  expect(await ids({ channel: 'email' })).toBe(40);
  expect(await ids({ submitterType: '在校学生' })).toBe(60);
  expect(await ids({ category: String(categoryId) })).toBe(30);
  expect(await ids({ section: String(sectionId) })).toBe(24);
  expect(await ids({ held: '1' })).toBe(12);
  expect(await ids({ status: 'pending_verification' })).toBe(12);
  expect(await ids({ attachments: '1' })).toBe(18);
  await applyBulkAction(database.db, {
    ids: all.slice(0, 5),
    action: { kind: 'addTags', names: ['筛选'] },
    actor: moderator,
  });
  const tagged = await page({ plan: String(planId), size: '100', sort: 'oldest' });
  const tagId = tagged.rows.find((r) => r.id === all[0])!.tags.find((t) => t.name === '筛选')!.id;
  expect(await ids({ tag: String(tagId) })).toBe(5);
  await applyBulkAction(database.db, {
    ids: all.slice(0, 7),
    action: { kind: 'assign', assigneeId: moderator.id },
    actor: moderator,
  });
  expect(await ids({ assignee: String(moderator.id) })).toBe(7);
  const unassigned = await statusCounts(database.db, {
    viewer: moderator,
    query: query({ plan: String(planId), assignee: 'none' }),
  });
  expect((unassigned.received ?? 0) + (unassigned.pending_verification ?? 0)).toBe(113);
  const day = (offset: number) => new Date(Date.now() - offset * DAY + 8 * 3600 * 1000).toISOString().slice(0, 10);
  expect(await ids({ from: day(60), to: day(60) })).toBe(2);
  expect((await page({ size: '100' })).rows.some((r) => r.title === '另一个规划的意见')).toBe(true);
});

test('counts per status follow the other filters', async () => {
  const counts = await statusCounts(database.db, {
    viewer: moderator,
    query: query({ plan: String(planId), channel: 'email' }),
  });
  expect(counts).toEqual({ pending_verification: 4, received: 36 });
});

test('counts stop just above the cap, so a big status costs a bounded read (decision 082)', async () => {
  const counts = await statusCounts(database.db, {
    viewer: moderator,
    query: query({ plan: String(planId), channel: 'email' }),
    cap: 10,
  });
  expect(counts).toEqual({ pending_verification: 4, received: 11 });
});

test('previous and next follow the queue order', async () => {
  const q = query({ plan: String(planId), sort: 'oldest' });
  expect(await queueNeighbours(database.db, { viewer: moderator, query: q, id: all[1]! })).toEqual({
    previous: all[0],
    next: all[2],
  });
});

test('a page costs the same fixed number of queries at 10 and at 100 rows', async () => {
  const queries: string[] = [];
  const counted = connect(database.url, 1);
  const { db } = counted;
  // postgres.js calls `debug` once per query sent to the server.
  (counted.sql.options as { debug?: unknown }).debug = (_connection: number, text: string) => queries.push(text);
  try {
    // A fresh connection first fetches PostgreSQL's array types: warm it up, then count.
    await counted.sql`select 1`;
    const cost = async (size: string) => {
      queries.length = 0;
      const q = query({ plan: String(planId), size });
      const result = await filteredSuggestions(db, { viewer: moderator, query: q });
      await statusCounts(db, { viewer: moderator, query: q });
      expect(result.rows.length).toBe(Number(size));
      return queries.length;
    };
    expect(await cost('10')).toBe(2);
    expect(await cost('100')).toBe(2);
  } finally {
    await counted.sql.end();
  }
});

test('planners read the queue; a viewer without the permission is refused', async () => {
  await expect(
    filteredSuggestions(database.db, { viewer: { id: 1, permissions: new Set() }, query: query() }),
  ).rejects.toBeInstanceOf(Forbidden);
});
