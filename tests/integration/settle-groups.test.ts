import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import {
  lettersAwaitingSettling,
  lettersNotAtCurrentWeights,
  quietSettlingKey,
  quietSettlingState,
  regroupClusters,
  RELINK_GROWTH,
} from '../../app/domain/duplicates/settle-groups.server.ts';
import { QUEUES } from '../../app/domain/jobs/queues.ts';
import { startQuietWorker } from '../setup/quiet-worker.ts';
import { suggestionFingerprints, suggestionSimilarities } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Decision 044: links made when a plan was half its size are made again by the
// `groups-settle` job, and the groups they touch are rebuilt from the links.

const database = setupTestDatabase();
// The portal without its worker: settling happens only when this file starts one.
const portal = setupTestPortal(database);
let planId: number;

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
});

const clusterOf = async (ids: number[]) =>
  new Map(
    (
      await database.db
        .select({ id: suggestionFingerprints.suggestionId, clusterId: suggestionFingerprints.clusterId })
        .from(suggestionFingerprints)
        .where(inArray(suggestionFingerprints.suggestionId, ids))
    ).map((r) => [r.id, r.clusterId]),
  );

test('a group that lost its bridge is rebuilt as its connected parts, each named by its smallest id', async () => {
  const plan = await createPlan(database.db);
  const ids: number[] = [];
  for (let i = 0; i < 4; i++) ids.push((await createSuggestion(database.db, plan.id, { enrich: false })).id);
  const [a, b, c, d] = ids as [number, number, number, number];
  // One group of four, whose link b–c (the bridge) is gone: a–b and c–d remain.
  await database.db
    .insert(suggestionFingerprints)
    .values(ids.map((id) => ({ suggestionId: id, planId: plan.id, bands: [1], clusterId: a })));
  await database.db.insert(suggestionSimilarities).values([
    { suggestionId: a, similarId: b, score: 0.9, method: 'shingle' as const },
    { suggestionId: c, similarId: d, score: 0.8, method: 'sentences' as const },
  ]);
  const changed = await database.db.transaction((tx) => regroupClusters(tx, plan.id, [a]));
  expect(changed).toBe(2);
  expect(await clusterOf(ids)).toEqual(
    new Map([
      [a, a],
      [b, a],
      [c, c],
      [d, c],
    ]),
  );
});

const settleJobs = async (state: string) =>
  (
    await database.sql<{ n: number }[]>`
      select count(*)::int as n from pgboss.job
      where name = ${QUEUES.settleGroups} and singleton_key = ${String(planId)} and state = ${state}`
  )[0]!.n;

test('once the plan has doubled, one settling job is queued however many letters ask, and the worker links the first letters again', async () => {
  const first = await createSuggestion(database.db, planId, {
    title: '恢复校医院周末门诊',
    body: '建议恢复校医院周末门诊，方便学生就医。',
  });
  const [linked] = await database.db
    .select({ at: suggestionFingerprints.linkedAtDocuments })
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.suggestionId, first.id));
  // Linked against a plan of one letter: itself.
  expect(linked!.at).toBe(1);
  expect(await settleJobs('created')).toBe(0);

  // Past twice its size, every further letter asks; the stately queue keeps one waiting job.
  for (let i = 0; i < RELINK_GROWTH + 3; i++)
    await createSuggestion(database.db, planId, { title: `食堂意见 ${i}`, body: `建议食堂增加第${i}个窗口。` });
  expect(await lettersAwaitingSettling(database.db, planId)).toBeGreaterThan(0);
  expect(await settleJobs('created')).toBe(1);
  // The moderator is told that groups may still change, in a sentence.
  const moderator = await createStaff(database.db, { role: 'moderator' });
  const cookie = `jianyan_staff=${await signIn(database.db, moderator.id)}`;
  const groupsPage = async () =>
    (await fetch(`${portal.url}/admin/clusters?plan=${planId}`, { headers: { cookie } })).text();
  expect(await groupsPage()).toContain('分组可能还会变化');

  const worker = await startQuietWorker(database, '.tmp/settle-groups');
  try {
    // A correctness wait, not a timing claim: the job starts 5 s after it was asked for.
    await expect.poll(() => lettersAwaitingSettling(database.db, planId), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => settleJobs('completed'), { timeout: 30_000 }).toBe(1);
  } finally {
    await worker.stop();
  }
  const [again] = await database.db
    .select({ at: suggestionFingerprints.linkedAtDocuments })
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.suggestionId, first.id));
  expect(again!.at).toBe(RELINK_GROWTH + 4);
  expect(await groupsPage()).not.toContain('分组可能还会变化');
});

// Decision 045: once a plan's intake pauses, every letter not linked at the
// plan's current count is linked again, so that its groups no longer depend on
// the order the worker linked its letters in.
test('once the intake pauses, every letter is linked again at the plan’s current weights, and not before', async () => {
  const plan = await createPlan(database.db);
  const ids: number[] = [];
  for (let i = 0; i < 3; i++)
    ids.push(
      (
        await createSuggestion(database.db, plan.id, {
          title: `班车意见 ${i}`,
          body: `建议校车在第${i}个站点增加班次。`,
        })
      ).id,
    );
  // Linked against 1, 2 and 3 letters: only the last is at today's weights.
  expect(await lettersNotAtCurrentWeights(database.db, plan.id)).toBe(2);
  const quietJobs = async (state: string) =>
    (
      await database.sql<{ n: number }[]>`
        select count(*)::int as n from pgboss.job
        where name = ${QUEUES.settleGroups} and singleton_key = ${quietSettlingKey(plan.id)} and state = ${state}`
    )[0]!.n;
  // Three letters asked; the stately queue keeps one waiting job.
  expect(await quietJobs('created')).toBe(1);
  // The last letter arrived a moment ago: a ten-minute pause is not over.
  const waiting = await quietSettlingState(database.db, plan.id, 600);
  expect(waiting.state).toBe('wait');
  expect(waiting.state === 'wait' && waiting.seconds).toBeGreaterThan(590);

  const worker = await startQuietWorker(database, '.tmp/settle-groups-quiet', { GROUPS_QUIET_SECONDS: '2' });
  try {
    // A correctness wait: the job starts 5 s after the last letter asked, then finds the pause over.
    await expect.poll(() => lettersNotAtCurrentWeights(database.db, plan.id), { timeout: 30_000 }).toBe(0);
  } finally {
    await worker.stop();
  }
  const linkedAt = await database.db
    .select({ at: suggestionFingerprints.linkedAtDocuments })
    .from(suggestionFingerprints)
    .where(inArray(suggestionFingerprints.suggestionId, ids));
  expect(linkedAt.map((r) => r.at)).toEqual([3, 3, 3]);
  expect(await quietSettlingState(database.db, plan.id, 2)).toEqual({ state: 'current' });
});
