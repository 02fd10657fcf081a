import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, test } from 'vitest';
import {
  auditLog,
  categoryRules,
  suggestionProposals,
  suggestions,
  suggestionTags,
  tags,
} from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { forgetModels, MIN_EXAMPLES, trainPlanModels } from '../../app/domain/categorize/classifier.server.ts';
import { addRule } from '../../app/domain/categorize/manage-rules.server.ts';
import { openProposal, resolveProposal } from '../../app/domain/categorize/proposals.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database);
let planId: number;
let faculty: number;
let logistics: number;
let campus: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };
let admin: { id: number; permissions: ReturnType<typeof permissionsOf> };
let cookie: string;
let adminCookie: string;

const FACULTY = [
  '青年教师科研启动经费不足，建议提高',
  '职称评审应当更重视教学业绩',
  '人才引进的安家费标准偏低',
  '建议设立教师教学发展中心',
  '外聘教师待遇需要提高',
];
const LOGISTICS = [
  '食堂饭菜价格上涨太快',
  '宿舍热水供应时间太短',
  '快递点离宿舍区太远',
  '校医院看病排队时间长',
  '食堂晚上关门太早',
];
const CAMPUS = [
  '新校区教学楼数量不足',
  '图书馆自习座位紧张',
  '停车位太少，建议建停车楼',
  '实验楼老化需要改造',
  '校园绿化需要加强',
];

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  [faculty, logistics, campus] = (
    await addCategories(database.db, planId, ['师资队伍建设', '后勤保障', '校园建设'])
  ).map((c) => c.id) as [number, number, number];
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  cookie = `jianyan_staff=${await signIn(database.db, staff.id)}`;
  const boss = await createStaff(database.db, { role: 'admin', totp: true });
  admin = { id: boss.id, permissions: permissionsOf('admin', []) };
  adminCookie = `jianyan_staff=${await signIn(database.db, boss.id)}`;
  // Moderators' past decisions: 30 categorized suggestions, some tagged.
  for (let round = 0; round < 2; round++) {
    for (const [texts, categoryId] of [
      [FACULTY, faculty],
      [LOGISTICS, logistics],
      [CAMPUS, campus],
    ] as const) {
      for (const text of texts) {
        const saved = await createSuggestion(database.db, planId, {
          title: text.slice(0, 8),
          body: `${text}。第${round + 1}次提出。`,
          categoryId,
        });
        if (categoryId === logistics) {
          const [tag] = await database.db
            .insert(tags)
            .values({ planId, name: '民生' })
            .onConflictDoNothing()
            .returning();
          const tagId = tag?.id ?? (await database.db.select().from(tags).where(eq(tags.name, '民生')))[0]!.id;
          await database.db.insert(suggestionTags).values({ suggestionId: saved.id, tagId });
        }
      }
    }
  }
});

beforeEach(() => forgetModels());

test('the classifier learns from past categories and proposes one with a confidence, without changing anything', async () => {
  const models = await trainPlanModels(database.db, planId);
  expect(models.category?.examples).toBeGreaterThanOrEqual(MIN_EXAMPLES);
  const saved = await createSuggestion(database.db, planId, {
    title: '关于食堂',
    body: '希望学校食堂增加夜宵窗口，晚上关门太早了。',
  });
  const proposal = await openProposal(database.db, { viewer: moderator, id: saved.id });
  expect(proposal).toMatchObject({ categoryId: logistics, prefilled: false });
  expect(proposal!.confidence).toBeGreaterThan(0.5);
  expect(proposal!.tags.map((t) => t.name)).toContain('民生');
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, saved.id));
  expect(row!.categoryId).toBeNull();
});

test("a submitter's own category is never replaced; a different proposal stays a proposal", async () => {
  const saved = await createSuggestion(database.db, planId, {
    title: '教师',
    body: '建议提高青年教师待遇，完善职称评审。',
    categoryId: campus,
  });
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, saved.id));
  expect(row!.categoryId).toBe(campus);
  expect((await openProposal(database.db, { viewer: moderator, id: saved.id }))?.categoryId).toBe(faculty);
});

test('admin keyword rules propose a category and a tag, across scripts; they are audited', async () => {
  await addRule(database.db, {
    planId,
    keywords: ['师资', '人才引进'],
    categoryId: faculty,
    tagName: '人才',
    actor: admin,
  });
  const saved = await createSuggestion(database.db, planId, { title: '建議', body: '學校應加強師資隊伍建設。' });
  const proposal = await openProposal(database.db, { viewer: moderator, id: saved.id });
  expect(proposal?.categoryId).toBe(faculty);
  expect(proposal?.source).toMatch(/rule/);
  expect(proposal?.tags.map((t) => t.name)).toContain('人才');
  expect((await database.db.select().from(auditLog).where(eq(auditLog.action, 'plan.rule_added'))).length).toBe(1);
  await database.db.delete(categoryRules);
});

test('an email suggestion, whose category no one chose, arrives with the proposed category pre-filled and marked', async () => {
  const saved = await createSuggestion(database.db, planId, {
    channel: 'email',
    title: '宿舍',
    body: '宿舍热水只供应两个小时，冬天洗澡很不方便，快递点也太远。',
  });
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, saved.id));
  expect(row!.categoryId).toBe(logistics);
  expect(await openProposal(database.db, { viewer: moderator, id: saved.id })).toMatchObject({ prefilled: true });
  // The classifier does not learn from its own unconfirmed guess.
  const before = (await trainPlanModels(database.db, planId)).category!.examples;
  await resolveProposal(database.db, { id: saved.id, actor: moderator, accept: true });
  expect((await trainPlanModels(database.db, planId)).category!.examples).toBe(before + 1);
  expect(await openProposal(database.db, { viewer: moderator, id: saved.id })).toBeNull();
});

test('a moderator accepts a proposal with one click (category and tags, audited), or dismisses it', async () => {
  const saved = await createSuggestion(database.db, planId, {
    title: '停车',
    body: '校园停车位严重不足，建议新建停车楼。',
  });
  const page = await (await fetch(`${portal.url}/admin/suggestions/${saved.id}`, { headers: { cookie } })).text();
  expect(page).toContain('建议类别：校园建设');
  // Why, in plain words: the built-in topic words it found (decision 046).
  expect(page).toContain('提出这个类别，是因为文中出现了：停车');
  const [stored] = await database.db
    .select({ words: suggestionProposals.matchedWords })
    .from(suggestionProposals)
    .where(eq(suggestionProposals.suggestionId, saved.id));
  expect(stored!.words[0]).toBe('停车');
  const post = await fetch(`${portal.url}/admin/suggestions/${saved.id}`, {
    method: 'POST',
    headers: { cookie, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'intent=acceptProposal',
  });
  expect(post.status).toBe(200);
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, saved.id));
  expect(row!.categoryId).toBe(campus);
  const [proposal] = await database.db
    .select()
    .from(suggestionProposals)
    .where(eq(suggestionProposals.suggestionId, saved.id));
  expect(proposal).toMatchObject({ resolution: 'accepted', resolvedBy: moderator.id });

  const other = await createSuggestion(database.db, planId, { title: '食堂', body: '食堂饭菜太贵。' });
  await resolveProposal(database.db, { id: other.id, actor: moderator, accept: false });
  const [kept] = await database.db.select().from(suggestions).where(eq(suggestions.id, other.id));
  expect(kept!.categoryId).toBeNull();
});

test('the rules page adds and removes rules; a rule needs a category or a tag', async () => {
  const post = (body: string) =>
    fetch(`${portal.url}/admin/plans/${planId}/rules`, {
      method: 'POST',
      headers: { cookie: adminCookie, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
  const bad = await post('intent=add&keywords=%E5%B8%88%E8%B5%84&categoryId=&tagName=');
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('请选择类别或填写标签');
  const ok = await post(
    `intent=add&keywords=${encodeURIComponent('师资，教师、人才引进')}&categoryId=${faculty}&tagName=`,
  );
  expect(ok.status).toBe(302);
  const [rule] = await database.db.select().from(categoryRules).where(eq(categoryRules.planId, planId));
  expect(rule!.keywords).toEqual(['师资', '教师', '人才引进']);
  const html = await (
    await fetch(`${portal.url}/admin/plans/${planId}/rules`, { headers: { cookie: adminCookie } })
  ).text();
  expect(html).toContain('师资、教师、人才引进');
  expect((await post(`intent=remove&ruleId=${rule!.id}`)).status).toBe(302);
  expect(await database.db.select().from(categoryRules).where(eq(categoryRules.planId, planId))).toEqual([]);
  const forbidden = await fetch(`${portal.url}/admin/plans/${planId}/rules`, { headers: { cookie } });
  expect(forbidden.status).toBe(403);
});
