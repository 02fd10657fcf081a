import { and, eq, isNotNull, isNull, notInArray, or, sql } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { recountPlan, trainPlanModels, type PlanModels } from '../../app/domain/categorize/classifier.server.ts';
import { resolveProposal } from '../../app/domain/categorize/proposals.server.ts';
import { train } from '../../app/domain/categorize/naive-bayes.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import type { Database } from '../../db/client.server.ts';
import {
  categories,
  classifierCounts,
  suggestionProposals,
  suggestions,
  suggestionSearch,
  suggestionTags,
  tags,
} from '../../db/schema/index.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// The classifier's models come from counts the database keeps as labels
// change (decision 081). Each test changes labels the way staff do and checks
// the models against a full retraining from the plan's suggestions: the
// code this replaced, kept here as the reference.

const database = setupTestDatabase();
let planId: number;
let categoryIds: number[];
let tagIds: number[];
const ids: number[] = [];

const TEXTS = [
  '食堂饭菜价格上涨太快，建议增加平价窗口',
  '宿舍热水供应时间太短，冬天洗澡不方便',
  '青年教师科研启动经费不足，建议提高',
  '职称评审应当更重视教学业绩',
  '图书馆自习座位紧张，希望延长开放时间',
  '校园网晚上速度很慢，建议扩容',
];

async function referenceModels(db: Database, plan: number): Promise<PlanModels> {
  const rows = await db
    .select({
      categoryId: suggestions.categoryId,
      tokens: sql<string[]>`tsvector_to_array(${suggestionSearch.searchVector})`,
      tags: sql<
        string[]
      >`coalesce((select array_agg(${tags.name}) from ${suggestionTags} join ${tags} on ${tags.id} = ${suggestionTags.tagId} where ${suggestionTags.suggestionId} = ${suggestions.id}), '{}')`,
    })
    .from(suggestions)
    .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestions.id))
    .leftJoin(suggestionProposals, eq(suggestionProposals.suggestionId, suggestions.id))
    .where(
      and(
        eq(suggestions.planId, plan),
        notInArray(suggestions.status, ['spam', 'pending_verification', 'duplicate']),
        or(
          isNull(suggestionProposals.suggestionId),
          eq(suggestionProposals.categoryPrefilled, false),
          isNotNull(suggestionProposals.resolution),
        ),
      ),
    );
  const labelled = rows.filter((r) => r.categoryId !== null).map((r) => ({ tokens: r.tokens, label: r.categoryId! }));
  const category = labelled.length >= 20 && new Set(labelled.map((e) => e.label)).size >= 2 ? train(labelled) : null;
  const counts = new Map<string, number>();
  for (const row of rows) for (const name of row.tags) counts.set(name, (counts.get(name) ?? 0) + 1);
  const tagModels =
    rows.length >= 20
      ? [...counts]
          .filter(([, n]) => n >= 5)
          .map(([name]) => ({
            name,
            model: train(rows.map((r) => ({ tokens: r.tokens, label: r.tags.includes(name) }))),
          }))
      : [];
  return { category, tags: tagModels };
}

// Models compared as what predictions depend on: per label, its prior, its token counts and total; and the vocabulary.
function comparable(models: PlanModels) {
  const model = (m: PlanModels['category'] | PlanModels['tags'][number]['model'] | null) =>
    m && {
      examples: m.examples,
      vocabulary: m.vocabulary,
      labels: Object.fromEntries(
        m.labels.map((label, i) => [
          String(label),
          {
            prior: m.logPrior[i]!.toFixed(9),
            total: m.totals[i],
            tokens: Object.fromEntries([...m.tokenCounts[i]!].sort()),
          },
        ]),
      ),
    };
  return {
    category: model(models.category),
    tags: Object.fromEntries(models.tags.map((t) => [t.name, model(t.model)]).sort()),
  };
}

async function expectSameAsRetraining() {
  expect(comparable(await trainPlanModels(database.db, planId))).toEqual(
    comparable(await referenceModels(database.db, planId)),
  );
}

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  categoryIds = (await addCategories(database.db, planId, ['后勤保障', '师资队伍建设', '校园建设'])).map((c) => c.id);
  tagIds = (
    await database.db
      .insert(tags)
      .values([
        { planId, name: '民生' },
        { planId, name: '人才' },
      ])
      .returning()
  ).map((t) => t.id);
  for (let i = 0; i < 36; i++) {
    const text = TEXTS[i % TEXTS.length]!;
    const saved = await createSuggestion(database.db, planId, {
      title: text.slice(0, 6),
      body: `${text}。第${i}条。`,
      categoryId: categoryIds[Math.floor((i % 6) / 2)]!,
    });
    ids.push(saved.id);
    if (i % 6 < 2) await database.db.insert(suggestionTags).values({ suggestionId: saved.id, tagId: tagIds[0]! });
    if (i % 6 === 2 || i % 6 === 3)
      await database.db.insert(suggestionTags).values({ suggestionId: saved.id, tagId: tagIds[1]! });
  }
});

test('new suggestions and their tags are counted as they arrive: the models equal a full retraining', async () => {
  const models = await trainPlanModels(database.db, planId);
  expect(models.category?.examples).toBe(36);
  expect(models.tags.map((t) => t.name).sort()).toEqual(['人才', '民生']);
  await expectSameAsRetraining();
});

test('a moderator changing a category, marking spam or a duplicate, and holding one, is counted', async () => {
  await database.db.update(suggestions).set({ categoryId: categoryIds[2]! }).where(eq(suggestions.id, ids[0]!));
  await database.db.update(suggestions).set({ status: 'spam' }).where(eq(suggestions.id, ids[1]!));
  await database.db
    .update(suggestions)
    .set({ status: 'duplicate', duplicateOfId: ids[0]! })
    .where(eq(suggestions.id, ids[2]!));
  await database.db.update(suggestions).set({ categoryId: null }).where(eq(suggestions.id, ids[3]!));
  await expectSameAsRetraining();
  await database.db.update(suggestions).set({ status: 'in_review' }).where(eq(suggestions.id, ids[1]!));
  await expectSameAsRetraining();
});

test('tags added, removed and deleted, a search row rewritten, a category and a suggestion deleted: counted', async () => {
  await database.db.insert(suggestionTags).values({ suggestionId: ids[10]!, tagId: tagIds[0]! }).onConflictDoNothing();
  await database.db
    .delete(suggestionTags)
    .where(and(eq(suggestionTags.suggestionId, ids[6]!), eq(suggestionTags.tagId, tagIds[0]!)));
  await database.db
    .update(suggestionSearch)
    .set({ searchVector: sql`${"'食堂':1A '夜宵':2B"}::tsvector` })
    .where(eq(suggestionSearch.suggestionId, ids[12]!));
  await expectSameAsRetraining();
  const [extra] = await addCategories(database.db, planId, ['综合改革']);
  await database.db.update(suggestions).set({ categoryId: extra!.id }).where(eq(suggestions.id, ids[13]!));
  await database.db.delete(categories).where(eq(categories.id, extra!.id));
  await database.db.delete(suggestions).where(eq(suggestions.id, ids[14]!));
  await database.db.delete(tags).where(eq(tags.id, tagIds[1]!));
  await expectSameAsRetraining();
});

test("an email's pre-filled category is not learnt from until a moderator confirms it", async () => {
  const staff = await createStaff(database.db, { role: 'moderator' });
  const before = (await trainPlanModels(database.db, planId)).category!.examples;
  const mail = await createSuggestion(database.db, planId, {
    channel: 'email',
    title: '食堂',
    body: '食堂饭菜价格上涨太快，建议增加平价窗口。',
  });
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, mail.id));
  expect(row!.categoryId).not.toBeNull();
  expect((await trainPlanModels(database.db, planId)).category!.examples).toBe(before);
  await expectSameAsRetraining();
  await resolveProposal(database.db, {
    id: mail.id,
    actor: { id: staff.id, permissions: permissionsOf('moderator', []) },
    accept: true,
  });
  expect((await trainPlanModels(database.db, planId)).category!.examples).toBe(before + 1);
  await expectSameAsRetraining();
});

test('recounting a plan from scratch gives the counts the triggers kept', async () => {
  await trainPlanModels(database.db, planId);
  const kept = await database.db
    .select()
    .from(classifierCounts)
    .where(and(eq(classifierCounts.planId, planId), sql`${classifierCounts.count} <> 0`));
  await database.db.transaction((tx) => recountPlan(tx, planId));
  const recounted = await database.db.select().from(classifierCounts).where(eq(classifierCounts.planId, planId));
  const key = (r: { label: string; token: string; count: number }) => `${r.label}|${r.token}|${r.count}`;
  expect(recounted.map(key).sort()).toEqual(kept.map(key).sort());
});
