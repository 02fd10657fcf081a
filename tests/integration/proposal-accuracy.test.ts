import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestionProposals, suggestions, suggestionTags, tags } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { proposalAccuracy } from '../../app/domain/categorize/proposal-accuracy.server.ts';
import { wilsonInterval } from '../../app/domain/categorize/wilson-interval.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

const database = setupTestDatabase();
const portal = setupTestPortal(database);
let plan: Awaited<ReturnType<typeof createPlan>>;
let categoryA = 0;
let categoryB = 0;
let tagIds: Record<string, number> = {};
let planner: { id: number; permissions: ReturnType<typeof permissionsOf> };
const codes: Record<string, string> = {};

type Case = {
  name: string;
  proposed: number | null;
  proposedTags?: string[];
  resolution?: 'accepted' | 'dismissed';
  status?: 'received' | 'adopted' | 'not_adopted' | 'spam';
  final: number;
  finalTags?: string[];
};

async function addCase(c: Case) {
  const { id, trackingCode } = await createSuggestion(database.db, plan.id, { categoryId: c.final });
  codes[c.name] = trackingCode;
  await database.db
    .update(suggestions)
    .set({ status: c.status ?? 'received', categoryId: c.final })
    .where(eq(suggestions.id, id));
  const proposal = {
    categoryId: c.proposed,
    confidence: c.proposed ? 0.7 : null,
    source: 'classifier',
    tags: (c.proposedTags ?? []).map((name) => ({ name, confidence: 0.7, source: 'classifier' as const })),
    categoryPrefilled: false,
    resolution: c.resolution ?? null,
    resolvedAt: c.resolution ? new Date() : null,
  };
  // Whatever intake proposed is replaced by the case's own proposal.
  await database.db
    .insert(suggestionProposals)
    .values({ suggestionId: id, ...proposal })
    .onConflictDoUpdate({ target: suggestionProposals.suggestionId, set: proposal });
  await database.db.delete(suggestionTags).where(eq(suggestionTags.suggestionId, id));
  for (const name of c.finalTags ?? [])
    await database.db.insert(suggestionTags).values({ suggestionId: id, tagId: tagIds[name]! });
}

beforeAll(async () => {
  plan = await createPlan(database.db, { slug: 'accuracy-plan' });
  [categoryA, categoryB] = (await addCategories(database.db, plan.id, ['甲类', '乙类'])).map((c) => c.id) as [
    number,
    number,
  ];
  const inserted = await database.db
    .insert(tags)
    .values([
      { planId: plan.id, name: '食堂' },
      { planId: plan.id, name: '宿舍' },
    ])
    .returning();
  tagIds = Object.fromEntries(inserted.map((t) => [t.name, t.id]));
  const staff = await createStaff(database.db, { role: 'planner' });
  planner = { id: staff.id, permissions: permissionsOf('planner', []) };
  await addCase({
    name: 'accepted',
    proposed: categoryA,
    proposedTags: ['食堂'],
    resolution: 'accepted',
    final: categoryA,
    finalTags: ['食堂'],
  });
  await addCase({ name: 'dismissed', proposed: categoryA, resolution: 'dismissed', final: categoryB });
  await addCase({ name: 'silent', proposed: null, status: 'adopted', final: categoryB });
  await addCase({
    name: 'decided',
    proposed: categoryB,
    proposedTags: ['食堂', '宿舍'],
    status: 'not_adopted',
    final: categoryB,
    finalTags: ['宿舍'],
  });
  await addCase({ name: 'unreviewed', proposed: categoryB, final: categoryA });
  await addCase({ name: 'spam', proposed: categoryA, resolution: 'accepted', status: 'spam', final: categoryA });
});

test('only reviewed suggestions count; a silent proposal is a miss; tags are micro-averaged', async () => {
  const accuracy = await proposalAccuracy(database.db, { viewer: planner, planId: plan.id });
  expect(accuracy).toMatchObject({ reviewed: 4, proposed: 3, correct: 2, accuracy: 0.5, interval: null });
  expect(accuracy.tags).toMatchObject({ proposed: 3, final: 2, agreed: 2, recall: 1 });
  expect(accuracy.tags.precision).toBeCloseTo(2 / 3);
  expect(accuracy.tags.f1).toBeCloseTo(0.8);
});

test('a moderator without the report permission cannot read the figures, in the domain or over HTTP', async () => {
  const moderator = await createStaff(database.db, { role: 'moderator' });
  await expect(
    proposalAccuracy(database.db, {
      viewer: { id: moderator.id, permissions: permissionsOf('moderator', []) },
      planId: plan.id,
    }),
  ).rejects.toThrow();
  const response = await fetch(`${portal.url}/admin/plans/${plan.slug}/dashboard/proposal-accuracy.csv`, {
    headers: { cookie: `jianyan_staff=${await signIn(database.db, moderator.id)}` },
  });
  expect(response.status).toBe(403);
});

test('the audit CSV lists each reviewed suggestion with its proposal and final labels, and nothing else', async () => {
  const response = await fetch(`${portal.url}/admin/plans/${plan.slug}/dashboard/proposal-accuracy.csv`, {
    headers: { cookie: `jianyan_staff=${await signIn(database.db, planner.id)}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const text = await response.text();
  const lines = text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    '跟踪编号,系统建议类别,置信度,建议来源,最终类别,是否一致,系统建议标签,最终标签,审核方式,审核时间',
  );
  expect(lines).toHaveLength(5);
  expect(lines.find((l) => l.startsWith(codes.accepted!))).toMatch(
    /^JY-[^,]+,甲类,0\.70,模型,甲类,是,食堂,食堂,采纳系统建议,\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
  );
  expect(lines.find((l) => l.startsWith(codes.dismissed!))).toContain(',甲类,0.70,模型,乙类,否,,,不予采纳系统建议,');
  expect(lines.find((l) => l.startsWith(codes.silent!))).toContain(',,,无,乙类,否,,,随处理决定确认,');
  for (const left of [codes.unreviewed!, codes.spam!]) expect(text).not.toContain(left);
  // Labels only: no suggestion text, no contact.
  for (const personal of ['张三丰', '13812345678', 'zhang@example.edu.cn', '建议在规划中增加'])
    expect(text).not.toContain(personal);
});

test('from 30 reviewed on, the dashboard shows the 95% interval', async () => {
  for (let i = 0; i < 26; i++)
    await addCase({ name: `more-${i}`, proposed: categoryA, resolution: 'accepted', final: categoryA });
  const accuracy = await proposalAccuracy(database.db, { viewer: planner, planId: plan.id });
  expect(accuracy).toMatchObject({ reviewed: 30, correct: 28 });
  expect(accuracy.interval).toEqual(wilsonInterval(28, 30));
  const html = await (
    await fetch(`${portal.url}/admin/plans/${plan.slug}/dashboard`, {
      headers: { cookie: `jianyan_staff=${await signIn(database.db, planner.id)}` },
    })
  ).text();
  expect(html).toContain('类别：已审核 30 条，系统给出建议 29 条，与最终类别一致 28 条，准确率 93.3%。');
  expect(html).toContain('95% 置信区间：78.7% 至 98.2%。');
});
