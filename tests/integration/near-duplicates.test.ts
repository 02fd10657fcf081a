import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { auditLog, plans, suggestionContacts, suggestions } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { markClusterDuplicates } from '../../app/domain/duplicates/merge-cluster.server.ts';
import { SIMILAR_THRESHOLD } from '../../app/domain/duplicates/link-duplicates.server.ts';
import { CAMPAIGN_MIN_SIZE, clusterList, similarSuggestions } from '../../app/domain/duplicates/queries.server.ts';
import { getPublicReport } from '../../app/domain/exports/report.server.ts';
import { decideSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { filteredSuggestions } from '../../app/domain/moderation/filtered-suggestions.server.ts';
import { parseQueueQuery } from '../../app/domain/moderation/queue-filter.ts';
import { reindexAll } from '../../app/domain/enrichment/reindex.server.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database);
let planId: number;
let otherPlanId: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };
let cookie: string;
const letters: number[] = [];
let traditional: number;
let unrelated: number;
let pairA: number;
let pairB: number;

// A campaign's letter, sent with small personal changes.
const LETTER = [
  '我们是化学化工学院的研究生。',
  '目前研究生公寓距离实验楼太远，每天往返需要四十分钟，深夜做完实验回宿舍也不安全。',
  '强烈建议学校在“十四五”期间于实验楼附近新建研究生公寓，或开通夜间校车。',
  '恳请学校予以重视。',
];
const variant = (i: number) => {
  const sentences = [...LETTER];
  if (i % 2) sentences.reverse();
  return `${sentences.join('')}${i % 3 ? '此致敬礼！' : ''}（${['一', '二', '三', '四', '五', '六', '七'][i]}年级学生）`;
};

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  otherPlanId = (await createPlan(database.db)).id;
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  cookie = `jianyan_staff=${await signIn(database.db, staff.id)}`;
  for (let i = 0; i < 6; i++) {
    letters.push((await createSuggestion(database.db, planId, { title: '关于研究生公寓的建议', body: variant(i) })).id);
  }
  traditional = (
    await createSuggestion(database.db, planId, {
      title: '關於研究生公寓的建議',
      body: '我們是化學化工學院的研究生。目前研究生公寓距離實驗樓太遠，每天往返需要四十分鐘，深夜做完實驗回宿舍也不安全。強烈建議學校在「十四五」期間於實驗樓附近新建研究生公寓，或開通夜間校車。',
    })
  ).id;
  // Shares many words with the letter, says something else.
  unrelated = (
    await createSuggestion(database.db, planId, {
      title: '实验楼安全',
      body: '化学化工学院实验楼的通风橱老化，深夜做实验时存在安全隐患，建议“十四五”期间更新实验设备并加强安全培训。',
    })
  ).id;
  pairA = (
    await createSuggestion(database.db, planId, {
      title: '图书馆开放时间',
      body: '建议图书馆考试周延长开放时间至晚上十二点，并增加自习座位。',
    })
  ).id;
  pairB = (
    await createSuggestion(database.db, planId, {
      title: '图书馆',
      body: '建议考试周图书馆延长开放时间到晚上十二点，同时增加自习座位。',
    })
  ).id;
  await createSuggestion(database.db, otherPlanId, { title: '关于研究生公寓的建议', body: variant(0) });
});

test('on intake, near-duplicates in the same plan are linked with scores, across scripts and reordering', async () => {
  const { similar, cluster } = await similarSuggestions(database.db, { viewer: moderator, id: letters[0]! });
  const ids = similar.map((s) => s.id);
  expect(ids).toEqual(expect.arrayContaining([...letters.slice(1), traditional]));
  expect(ids).not.toContain(unrelated);
  expect(similar.every((s) => s.score >= SIMILAR_THRESHOLD && s.score <= 1)).toBe(true);
  expect(cluster?.size).toBe(7);
  expect(cluster?.campaign).toBe(7 >= CAMPAIGN_MIN_SIZE);
  const pair = await similarSuggestions(database.db, { viewer: moderator, id: pairA });
  expect(pair.similar.map((s) => s.id)).toEqual([pairB]);
  expect(pair.cluster?.campaign).toBe(false);
  expect((await similarSuggestions(database.db, { viewer: moderator, id: unrelated })).similar).toEqual([]);
});

test('the cluster list is sorted by size, flags campaigns and is keyset-paged', async () => {
  const first = await clusterList(database.db, { viewer: moderator, planId, size: 1 });
  expect(first.rows).toHaveLength(1);
  expect(first.rows[0]).toMatchObject({ size: 7, campaign: true, clusterId: letters[0] });
  const second = await clusterList(database.db, { viewer: moderator, planId, size: 1, after: first.next! });
  expect(second.rows[0]).toMatchObject({ size: 2, campaign: false, clusterId: pairA });
  expect(second.next).toBeNull();
  const queue = await filteredSuggestions(database.db, {
    viewer: moderator,
    query: parseQueueQuery(new URLSearchParams({ plan: String(planId), cluster: String(letters[0]) })),
  });
  expect(queue.rows).toHaveLength(7);
});

test('mark all as duplicates keeps every record, audits each, and the report counts the cluster once with its supporters', async () => {
  const keep = letters[2]!;
  const result = await markClusterDuplicates(database.db, { keepId: keep, actor: moderator });
  expect(result).toEqual({ marked: 6, skipped: 0 });
  const rows = await database.db
    .select({ id: suggestions.id, status: suggestions.status, duplicateOfId: suggestions.duplicateOfId })
    .from(suggestions)
    .where(eq(suggestions.planId, planId));
  const members = rows.filter((r) => [...letters, traditional].includes(r.id) && r.id !== keep);
  expect(members.every((r) => r.status === 'duplicate' && r.duplicateOfId === keep)).toBe(true);
  const contacts = await database.db
    .select({ id: suggestionContacts.suggestionId })
    .from(suggestionContacts)
    .where(sql`${suggestionContacts.suggestionId} in ${[...letters, traditional]}`);
  expect(contacts).toHaveLength(7);
  const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'suggestion.marked_duplicate'));
  expect(audits).toHaveLength(6);
  expect((await similarSuggestions(database.db, { viewer: moderator, id: keep })).supporters).toBe(7);

  await decideSuggestion(database.db, {
    id: keep,
    actor: moderator,
    input: { decision: 'adopted', reason: '纳入规划', publicSummary: '研究生公寓选址靠近实验楼', publishable: true },
  });
  await database.db.update(plans).set({ status: 'open', reportPublishedAt: new Date() }).where(eq(plans.id, planId));
  // The report lists only suggestions whose submitter agreed to publication (匿名公开 here).
  await database.db.update(suggestions).set({ publicationConsent: 'anonymous' }).where(eq(suggestions.id, keep));
  const [plan] = await database.db.select({ slug: plans.slug }).from(plans).where(eq(plans.id, planId));
  const report = (await getPublicReport(database.db, plan!.slug))!;
  expect(report.items).toHaveLength(1);
  expect(report.items[0]!.supporters).toBe(7);
  expect(report.counts.reduce((sum, row) => sum + row.total, 0)).toBe(rows.length - 6);
  const page = await (await fetch(`${portal.url}/plans/${plan!.slug}/report`)).text();
  expect(page).toContain('7 位提交人提出相同意见');
});

test('the detail page lists similar suggestions with scores; the cluster page lists groups', async () => {
  const html = await (await fetch(`${portal.url}/admin/suggestions/${pairA}`, { headers: { cookie } })).text();
  expect(html).toContain('相似意见（1）');
  expect(html).toMatch(/相似度 \d+%/);
  const clusters = await (await fetch(`${portal.url}/admin/clusters?plan=${planId}`, { headers: { cookie } })).text();
  expect(clusters).toContain('可能为有组织的批量雷同来信');
  expect(clusters).toContain('图书馆开放时间');
  const post = await fetch(`${portal.url}/admin/suggestions/${pairA}`, {
    method: 'POST',
    headers: { cookie, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'intent=markClusterDuplicates',
  });
  expect(post.status).toBe(200);
  expect(await post.text()).toContain('已将 1 条标记为重复意见');
});

test('a full rebuild reproduces the same clusters', async () => {
  const before = await clusterList(database.db, { viewer: moderator, planId });
  await reindexAll(database.db);
  const after = await clusterList(database.db, { viewer: moderator, planId });
  expect(after.rows.map((r) => [r.clusterId, r.size])).toEqual(before.rows.map((r) => [r.clusterId, r.size]));
});
