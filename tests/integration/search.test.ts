import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestionSearch } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { filteredSuggestions, statusCounts } from '../../app/domain/moderation/filtered-suggestions.server.ts';
import { parseQueueQuery } from '../../app/domain/moderation/queue-filter.ts';
import { reindexAll } from '../../app/domain/enrichment/reindex.server.ts';
import { INDEX_VERSION } from '../../app/domain/search/segment.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
let planId: number;
let otherPlanId: number;
let logistics: number;
let viewer: { id: number; permissions: ReturnType<typeof permissionsOf> };
const ids: Record<string, number> = {};

const search = async (q: string, extra: Record<string, string> = {}) => {
  const result = await filteredSuggestions(database.db, {
    viewer,
    query: parseQueueQuery(new URLSearchParams({ q, plan: String(planId), ...extra })),
  });
  return result;
};
const found = async (q: string, extra: Record<string, string> = {}) =>
  (await search(q, extra)).rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0]).sort();

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  otherPlanId = (await createPlan(database.db)).id;
  logistics = (await addCategories(database.db, planId, ['后勤保障']))[0]!.id;
  const staff = await createStaff(database.db, { role: 'moderator' });
  viewer = { id: staff.id, permissions: permissionsOf('moderator', []) };
  const add = async (key: string, title: string, body: string, more: Parameters<typeof createSuggestion>[2] = {}) => {
    ids[key] = (await createSuggestion(database.db, more.planId ?? planId, { title, body, ...more })).id;
  };
  await add(
    'canteen',
    '关于后勤服务的几点意见',
    '近年来学校发展很快，但学生反映学校食堂饭菜价格偏高，建议引入竞争机制并延长营业时间。',
    {
      categoryId: logistics,
    },
  );
  await add('canteenTrad', '對學校發展的建議', '圖書館座位緊張，另外學生食堂晚上關門太早，希望增設夜宵窗口。');
  await add('teachers', '人才队伍', '我校应当继续加强师资队伍建设，完善青年教师培养和人才引进政策。');
  await add('teachersTrad', '關於師資的建議', '建議加強師資培訓，提升教學水平。');
  await add('health', '卫生健康工作', '与市卫生健康委员会合作，共建附属医院。');
  await add('dorm', '宿舍条件', '宿舍热水供应不稳定，食堂附近的宿舍楼尤其严重。');
  await add('widths', 'ＡＩ课程建设', '建议开设ＡＩ通识课，面向全体本科生。');
  await add('attachment', '意见见附件', '（内容见附件）', {
    attachments: [
      {
        filename: 'yijian.txt',
        contentType: 'text/plain',
        bytes: Buffer.from('x'),
        extractedText: '第一条：关于实验室安全管理。第二条：关于食堂卫生监督。',
      },
    ],
  });
  await add('other', '另一个规划', '食堂问题在另一个规划里。', { planId: otherPlanId });
});

test('a word in the middle of a text is found, in either script, and only where it occurs', async () => {
  expect(await found('食堂')).toEqual(['attachment', 'canteen', 'canteenTrad', 'dorm']);
  expect(await found('师资')).toEqual(['teachers', 'teachersTrad']);
  expect(await found('師資')).toEqual(['teachers', 'teachersTrad']);
  expect(await found('衛生健康')).toEqual(['health']);
  expect(await found('人才引进')).toEqual(['teachers']);
});

test('full-width and half-width letters match each other', async () => {
  expect(await found('ai')).toEqual(['widths']);
  expect(await found('ＡＩ通识课')).toEqual(['widths']);
});

test('OR, -exclude and "exact phrase"', async () => {
  expect(await found('食堂 -宿舍')).toEqual(['attachment', 'canteen', 'canteenTrad']);
  expect(await found('夜宵 OR 热水')).toEqual(['canteenTrad', 'dorm']);
  expect(await found('"延长营业时间"')).toEqual(['canteen']);
  expect(await found('"营业时间延长"')).toEqual([]);
  expect(await found('食堂 师资')).toEqual([]);
});

test('fragments of three characters or more are found even across word boundaries', async () => {
  expect(await found('堂饭菜')).toEqual(['canteen']);
});

test('combines with the queue filters and counts, and stays within the plan unless none is chosen', async () => {
  expect(await found('食堂', { category: String(logistics) })).toEqual(['canteen']);
  const counts = await statusCounts(database.db, {
    viewer,
    query: parseQueueQuery(new URLSearchParams({ q: '食堂', plan: String(planId) })),
  });
  expect(counts.received).toBe(4);
  const everywhere = await filteredSuggestions(database.db, {
    viewer,
    query: parseQueueQuery(new URLSearchParams({ q: '食堂' })),
  });
  expect(everywhere.rows.map((r) => r.id)).toContain(ids.other);
});

test('results are ranked (title words first) and carry a highlighted snippet', async () => {
  const { rows } = await search('食堂 OR 师资');
  expect(rows[0]!.id).toBe(ids.teachersTrad);
  const canteen = rows.find((r) => r.id === ids.canteen)!;
  expect(canteen.snippet?.source).toBe('body');
  expect(canteen.snippet?.pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['食堂']);
  const trad = rows.find((r) => r.id === ids.canteenTrad)!;
  expect(trad.snippet?.pieces.find((p) => p.hit)?.text).toBe('食堂');
  const attached = rows.find((r) => r.id === ids.attachment)!;
  expect(attached.snippet?.source).toBe('attachment');
});

test('relevance pages by key without repeats or gaps; a cursor of another sort restarts', async () => {
  const all = (await search('食堂 OR 师资 OR 宿舍 OR 课程', { size: '100' })).rows.map((r) => r.id);
  const seen: number[] = [];
  let after: string | undefined;
  do {
    const page = await search('食堂 OR 师资 OR 宿舍 OR 课程', { size: '10', ...(after ? { after } : {}) });
    seen.push(...page.rows.map((r) => r.id));
    after = page.next ?? undefined;
  } while (after && seen.length < 100);
  expect(seen).toEqual(all);
  const newest = await search('食堂', { sort: 'newest', size: '10' });
  expect(newest.rows).toHaveLength(4);
});

test('a query of punctuation only finds nothing, and never fails', async () => {
  expect(await found('，。！')).toEqual([]);
  expect(await found("' OR 1=1 --")).toEqual([]);
  expect(await found('50%_\\')).toEqual([]);
});

test('the backfill command rewrites stale rows and missing ones', async () => {
  await database.db
    .update(suggestionSearch)
    .set({ indexVersion: 'old', searchVector: sql`''::tsvector` })
    .where(eq(suggestionSearch.suggestionId, ids.canteen!));
  await database.db.delete(suggestionSearch).where(eq(suggestionSearch.suggestionId, ids.dorm!));
  expect(await found('食堂')).toEqual(['attachment', 'canteenTrad']);
  const rewritten = await reindexAll(database.db, { onlyStale: true, batchSize: 3 });
  expect(rewritten).toBe(2);
  expect(await found('食堂')).toEqual(['attachment', 'canteen', 'canteenTrad', 'dorm']);
  const versions = await database.db.selectDistinct({ v: suggestionSearch.indexVersion }).from(suggestionSearch);
  expect(versions).toEqual([{ v: INDEX_VERSION }]);
});

test('the indexes are usable: GIN on tokens and trigrams (Chinese trigrams under this database locale)', async () => {
  const [{ trigrams }] = (await database.db.execute(sql`select show_trgm('食堂营业') as trigrams`)) as unknown as [
    { trigrams: string[] },
  ];
  expect(trigrams.length).toBeGreaterThan(0);
  // A handful of rows: the planner prefers a scan unless told otherwise (one connection, one transaction).
  const plans = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const explain = async (where: string) =>
      (
        (await tx.execute(
          sql.raw(`explain select suggestion_id from suggestion_search where ${where}`),
        )) as unknown as {
          'QUERY PLAN': string;
        }[]
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    return [await explain(`search_vector @@ '食堂'::tsquery`), await explain(`search_text like '%堂饭菜%'`)];
  });
  expect(plans[0]).toContain('suggestion_search_vector_idx');
  expect(plans[1]).toContain('suggestion_search_text_trgm_idx');
});
