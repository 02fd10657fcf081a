import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { Forbidden } from '../../app/domain/authorization/actor.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { actOnCampaign, type CampaignAction } from '../../app/domain/duplicates/campaign-actions.server.ts';
import { campaignView } from '../../app/domain/duplicates/campaign-view.server.ts';
import { NotFound } from '../../app/domain/not-found.ts';
import {
  auditLog,
  outboxMessages,
  suggestionFingerprints,
  suggestions,
  suggestionSimilarities,
  suggestionTags,
} from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// The campaign view and its one action for the whole group (decision 032):
// paraphrased copies grouped on intake, what each copy adds, distinct
// submitters by blind index, and authorization on the plan and cluster the
// domain looks up, not on what a form says.

const database = setupTestDatabase();
const portal = setupTestPortal(database);
const ADDED = '此外建议北区食堂增加外卖自提柜。';
let planId: number;
let otherPlanId: number;
let clusterId: number;
let copies: number[];
let opposingId: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };
let cookie: string;
let plannerCookie: string;

const letters = [
  {
    email: 'li@example.edu.cn',
    title: '反对撤并北区食堂',
    body: '我们坚决反对学校在新规划中撤并北区食堂。北区住着六千多名学生，北区食堂是大家吃早饭和夜宵的唯一去处。撤并以后同学们要步行二十分钟去南区就餐，冬天非常不便。建议保留北区食堂，并对其进行翻新改造。',
  },
  {
    email: 'wang@example.edu.cn',
    title: '请不要合并北区食堂',
    body: `北区有六千余名同学居住，早餐和宵夜全靠这一个食堂。恳请学校不要撤并北区食堂。如果合并，学生每顿饭都得走二十多分钟到南区食堂。希望学校保留北区食堂，同时对它进行装修升级。${ADDED}`,
  },
  // The first writer sends their letter again.
  {
    email: 'li@example.edu.cn',
    title: '反对撤并北区食堂',
    body: '我们坚决反对学校在新规划中撤并北区食堂。北区住着六千多名学生，北区食堂是大家吃早饭和夜宵的唯一去处。撤并以后同学们要步行二十分钟去南区就餐，冬天非常不便。建议保留北区食堂，并对其进行翻新改造。',
  },
  {
    email: 'zhao@example.edu.cn',
    title: '保留北区食堂',
    body: '对于撤销北区食堂的方案，本人表示强烈反对。六千多名住在北区的学生，一日三餐基本都在北区食堂解决。去南区吃饭单程就要二十分钟，寒冬和雨天格外辛苦。恳请保留北区食堂，并改善那里的就餐环境。',
  },
];

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  otherPlanId = (await createPlan(database.db)).id;
  copies = [];
  for (const l of letters)
    copies.push(
      (
        await createSuggestion(database.db, planId, {
          title: l.title,
          body: l.body,
          contact: { name: '同学', email: l.email },
        })
      ).id,
    );
  opposingId = (
    await createSuggestion(database.db, planId, {
      title: '支持撤并北区食堂',
      body: '我们支持学校在新规划中撤并北区食堂。北区住着六千多名学生，但北区食堂设施老化。南区新食堂条件好，步行二十分钟去南区就餐也完全可以接受。',
    })
  ).id;
  await createSuggestion(database.db, otherPlanId, { title: '另一规划', body: '与食堂无关的一条意见。' });
  const [row] = await database.db
    .select({ clusterId: suggestionFingerprints.clusterId })
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.suggestionId, copies[0]!));
  clusterId = row!.clusterId;
  moderator = {
    id: (await createStaff(database.db, { role: 'moderator' })).id,
    permissions: permissionsOf('moderator', []),
  };
  cookie = `jianyan_staff=${await signIn(database.db, moderator.id)}`;
  plannerCookie = `jianyan_staff=${await signIn(database.db, (await createStaff(database.db, { role: 'planner' })).id)}`;
});

const post = (path: string, fields: string[][], as = cookie) =>
  fetch(`${portal.url}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { cookie: as, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });

test('paraphrased copies form one group, linked by sentences; the opposing letter stays apart', async () => {
  const rows = await database.db
    .select({ id: suggestionFingerprints.suggestionId, clusterId: suggestionFingerprints.clusterId })
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.planId, planId));
  const clusterOf = new Map(rows.map((r) => [r.id, r.clusterId]));
  expect(new Set(copies.map((id) => clusterOf.get(id)))).toEqual(new Set([clusterId]));
  expect(clusterOf.get(opposingId)).not.toBe(clusterId);
  const links = await database.db
    .select({ method: suggestionSimilarities.method })
    .from(suggestionSimilarities)
    .where(inArray(suggestionSimilarities.suggestionId, copies));
  // The re-send is a verbatim copy (shingles); the paraphrases need sentence alignment.
  expect(new Set(links.map((l) => l.method))).toEqual(new Set(['shingle', 'sentences']));
});

test("the view: a representative, copies and distinct submitters; a copy's new point shows, nothing the representative says does", async () => {
  const view = await campaignView(database.db, { viewer: moderator, planId, clusterId });
  expect(view.copies).toBe(4);
  // The re-send comes from the same address: three people.
  expect(view.submitters).toBe(3);
  expect(view.rows.find((r) => r.id === copies[1])!.additions).toContain(ADDED);
  // A sentence the representative has word for word is never shown as an addition.
  const sentencesOf = (text: string) => text.split(/(?<=。)/u).map((s) => s.trim());
  const representative = new Set(sentencesOf(view.representative.body));
  expect(view.rows.find((r) => r.representative)!.additions).toEqual([]);
  for (const r of view.rows) for (const a of r.additions) expect(representative.has(a), a).toBe(false);
  // Only ADDED is new in this group; in a plan of five letters a paraphrase may show too (decision 032).
  expect(view.rows.flatMap((r) => r.additions).filter((a) => a.includes('外卖'))).toEqual([ADDED]);

  const html = await (
    await fetch(`${portal.url}/admin/clusters/${clusterId}?plan=${planId}`, { headers: { cookie } })
  ).text();
  expect(html).toContain(ADDED);
  expect(html).toContain('共 4 份，来自 3 位不同的提交人');
  expect(html).not.toContain('example.edu.cn');
});

test('a planner may look but not act; a cluster asked for under another plan is not found and nothing changes', async () => {
  const planner = { id: 0, permissions: permissionsOf('planner', []) };
  const action: CampaignAction = { kind: 'tag', names: ['越权'] };
  await expect(actOnCampaign(database.db, { planId, clusterId, action, actor: planner })).rejects.toBeInstanceOf(
    Forbidden,
  );
  await expect(
    actOnCampaign(database.db, { planId: otherPlanId, clusterId, action, actor: moderator }),
  ).rejects.toBeInstanceOf(NotFound);
  expect(
    (
      await post(
        `/admin/clusters/${clusterId}?plan=${planId}`,
        [
          ['intent', 'tag'],
          ['tags', '越权'],
        ],
        plannerCookie,
      )
    ).status,
  ).toBe(403);
  expect(
    (
      await post(`/admin/clusters/${clusterId}?plan=${otherPlanId}`, [
        ['intent', 'tag'],
        ['tags', '越权'],
      ])
    ).status,
  ).toBe(404);
  expect(await database.db.$count(suggestionTags, inArray(suggestionTags.suggestionId, copies))).toBe(0);
});

test('one form decides the whole group: each copy decided, each with its own audit row, the additions still shown', async () => {
  const response = await post(`/admin/clusters/${clusterId}?plan=${planId}`, [
    ['intent', 'decide'],
    ['decision', 'partially_adopted'],
    ['reason', '北区食堂保留，翻新纳入后勤规划。'],
  ]);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain('已处理 4 份，0 份未改动');
  expect(html).toContain(ADDED);
  const statuses = await database.db
    .select({ status: suggestions.status })
    .from(suggestions)
    .where(inArray(suggestions.id, copies));
  expect(statuses.map((s) => s.status)).toEqual(copies.map(() => 'partially_adopted'));
  expect(
    await database.db.$count(
      auditLog,
      and(eq(auditLog.action, 'suggestion.decided'), eq(auditLog.actorId, moderator.id)),
    ),
  ).toBe(4);
  const [opposing] = await database.db
    .select({ status: suggestions.status })
    .from(suggestions)
    .where(eq(suggestions.id, opposingId));
  expect(opposing!.status).toBe('received');
});

test('tagging and replying to the whole group reach every copy', async () => {
  const tagged = await actOnCampaign(database.db, {
    planId,
    clusterId,
    action: { kind: 'tag', names: ['北区食堂'] },
    actor: moderator,
  });
  expect(tagged).toEqual({ done: 4, skipped: 0 });
  expect(await database.db.$count(suggestionTags, inArray(suggestionTags.suggestionId, copies))).toBe(4);
  const replied = await actOnCampaign(database.db, {
    planId,
    clusterId,
    action: { kind: 'reply', message: '感谢来信，北区食堂将予保留。' },
    actor: moderator,
  });
  expect(replied).toEqual({ done: 4, skipped: 0 });
  expect(
    await database.db.$count(
      outboxMessages,
      and(inArray(outboxMessages.suggestionId, copies), eq(outboxMessages.kind, 'staff_reply')),
    ),
  ).toBe(4);
});
