import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestionProposals, suggestionSupports, suggestions } from '../../db/schema/index.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Decision 033 over HTTP, as the no-JavaScript form posts it: each row's
// category confirmed as shown, one decision for a selection; and the 附议
// count shown to staff in the queue and on the detail page.
const database = setupTestDatabase();
const portal = setupTestPortal(database);
let cookie: string;
let planId: number;
let cats: { id: number; name: string }[];

beforeAll(async () => {
  const plan = await createPlan(database.db);
  planId = plan.id;
  cats = await addCategories(database.db, plan.id, ['后勤保障', '校园建设']);
  cookie = `jianyan_staff=${await signIn(database.db, (await createStaff(database.db, { role: 'moderator' })).id)}`;
});

const post = (fields: [string, string][]) =>
  fetch(`${portal.url}/admin/suggestions`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { cookie, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
  });
const get = async (path: string) => (await fetch(`${portal.url}${path}`, { headers: { cookie } })).text();

async function threeSuggestions() {
  const made = [];
  for (const body of ['食堂饭菜价格偏高，建议增加平价窗口。', '宿舍热水供应不稳定。', '图书馆座位不够。'])
    made.push((await createSuggestion(database.db, planId, { body, channel: 'email' })).id);
  return made;
}

test('confirming the categories shown files each selected row and closes its proposal as accepted or dismissed', async () => {
  const [a, b, c] = await threeSuggestions();
  await database.db
    .insert(suggestionProposals)
    .values([a!, b!].map((id) => ({ suggestionId: id, categoryId: cats[0]!.id, confidence: 0.7, source: 'rule' })))
    .onConflictDoUpdate({
      target: suggestionProposals.suggestionId,
      set: { categoryId: cats[0]!.id, resolution: null },
    });
  const [before] = await database.db.select().from(suggestions).where(eq(suggestions.id, c!));
  // a keeps the proposal, b is corrected to the other category; c is not selected.
  const response = await post([
    ['intent', 'confirmCategories'],
    ['id', String(a)],
    ['id', String(b)],
    ['rowCategory', `${a}:${cats[0]!.id}`],
    ['rowCategory', `${b}:${cats[1]!.id}`],
    ['rowCategory', `${c}:${cats[1]!.id}`],
  ]);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('已对 2 条意见建议执行操作。');
  const rows = await database.db
    .select({ id: suggestions.id, categoryId: suggestions.categoryId })
    .from(suggestions)
    .where(inArray(suggestions.id, [a!, b!, c!]));
  const category = new Map(rows.map((r) => [r.id, r.categoryId]));
  expect([category.get(a!), category.get(b!)]).toEqual([cats[0]!.id, cats[1]!.id]);
  expect(category.get(c!)).toBe(before!.categoryId);
  const proposals = await database.db
    .select({ id: suggestionProposals.suggestionId, resolution: suggestionProposals.resolution })
    .from(suggestionProposals)
    .where(inArray(suggestionProposals.suggestionId, [a!, b!]));
  expect(new Map(proposals.map((p) => [p.id, p.resolution]))).toEqual(
    new Map([
      [a, 'accepted'],
      [b, 'dismissed'],
    ]),
  );
});

test('a selected row without a category refuses the page with a sentence, and nothing changes', async () => {
  const [a, b] = await threeSuggestions();
  const [before] = await database.db.select().from(suggestions).where(eq(suggestions.id, a!));
  const response = await post([
    ['intent', 'confirmCategories'],
    ['id', String(a)],
    ['id', String(b)],
    ['rowCategory', `${a}:${cats[0]!.id === before!.categoryId ? cats[1]!.id : cats[0]!.id}`],
  ]);
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('所选意见建议中有尚未选择类别的');
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, a!));
  expect(row!.categoryId).toBe(before!.categoryId);
});

test('a category of another plan refuses the whole page', async () => {
  const [a] = await threeSuggestions();
  const other = await createPlan(database.db);
  const [foreign] = await addCategories(database.db, other.id, ['其他']);
  const response = await post([
    ['intent', 'confirmCategories'],
    ['id', String(a)],
    ['rowCategory', `${a}:${foreign!.id}`],
  ]);
  expect(response.status).toBe(409);
  expect(await response.text()).toContain('没有任何更改');
});

test('one decision with one reason for a selection, all or nothing', async () => {
  const [a, b, c] = await threeSuggestions();
  const decide = (ids: number[]) =>
    post([
      ['intent', 'decide'],
      ...ids.map((id): [string, string] => ['id', String(id)]),
      ['decision', 'partially_adopted'],
      ['reason', '已转规划编制组统筹研究。'],
    ]);
  expect((await decide([a!, b!])).status).toBe(200);
  const decided = await database.db
    .select({ status: suggestions.status, reason: suggestions.decisionReason })
    .from(suggestions)
    .where(inArray(suggestions.id, [a!, b!]));
  expect(decided).toEqual([
    { status: 'partially_adopted', reason: '已转规划编制组统筹研究。' },
    { status: 'partially_adopted', reason: '已转规划编制组统筹研究。' },
  ]);
  // a is decided already: the selection with it changes nothing, c included.
  const refused = await decide([a!, c!]);
  expect(refused.status).toBe(409);
  expect(await refused.text()).toContain('没有任何更改');
  const [still] = await database.db.select().from(suggestions).where(eq(suggestions.id, c!));
  expect(still!.status).toBe('received');
  const noReason = await post([
    ['intent', 'decide'],
    ['id', String(c)],
    ['decision', 'adopted'],
  ]);
  expect(noReason.status).toBe(400);
  expect(await noReason.text()).toContain('请填写处理理由');
});

test("staff see each suggestion's 附议 count in the queue and on its page", async () => {
  const [a] = await threeSuggestions();
  await database.db
    .insert(suggestionSupports)
    .values(['x', 'y'].map((s) => ({ suggestionId: a!, supporterHash: `triage-test-${s}` })));
  const queue = await get(`/admin/suggestions?plan=${planId}`);
  expect(queue).toContain('<th scope="col">附议</th>');
  const row = queue.slice(queue.indexOf(`value="${a}"`));
  expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/<td>2<\/td>/);
  const detail = await get(`/admin/suggestions/${a}`);
  expect(detail).toMatch(/<dt>附议<\/dt><dd>2 人<\/dd>/);
});
