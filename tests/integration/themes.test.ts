import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { auditLog, suggestionTags, tags, themes } from '../../db/schema/index.ts';
import { Forbidden } from '../../app/domain/authorization/actor.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { applyBulkAction } from '../../app/domain/moderation/bulk-actions.server.ts';
import { assignTheme } from '../../app/domain/themes/assign-themes.server.ts';
import { acceptTheme } from '../../app/domain/themes/moderate-themes.server.ts';
import { refreshThemes } from '../../app/domain/themes/refresh-themes.server.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Themes while a consultation is open (decision 047): proposed from word
// groups, decided by moderators with plain forms, assigned as tags by a job
// and on enrichment, and a moderator's removal of a tag stands.

const database = setupTestDatabase();
const portal = setupTestPortal(database);
let planId: number;
let otherPlanId: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };
let cookie: string;
let plannerCookie: string;
const canteen: number[] = [];

const CANTEEN = [
  '北区食堂夜宵窗口关得太早，希望延长到晚上十一点。',
  '北区食堂的夜宵种类太少，建议增加面食。',
  '晚上在北区食堂买夜宵要排很久的队。',
  '北区食堂夜宵价格比南区贵。',
  '希望北区食堂夜宵供应到考试周结束。',
  '北区食堂夜宵常常卖完，建议多备一些。',
];
const LIBRARY = [
  '图书馆自习座位太少，期末抢不到座位。',
  '图书馆座位预约系统经常被占座不用。',
  '希望图书馆增加自习座位并延长开放时间。',
  '图书馆座位旁边没有插座。',
  '图书馆考研自习座位紧张。',
];
const OTHER = ['校园网速度太慢。', '青年教师职称评审太难。', '实验室设备老旧。', '停车位不足。'];

const post = (body: Record<string, string>, as = cookie) =>
  fetch(`${portal.url}/admin/themes`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: as, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
const themeRows = () => database.db.select().from(themes).where(eq(themes.planId, planId));
const tagged = async (tagId: number) =>
  (await database.db.select().from(suggestionTags).where(eq(suggestionTags.tagId, tagId))).map((r) => r.suggestionId);

beforeAll(async () => {
  planId = (await createPlan(database.db, { status: 'open' })).id;
  otherPlanId = (await createPlan(database.db, { status: 'open' })).id;
  for (const [i, body] of CANTEEN.entries())
    canteen.push((await createSuggestion(database.db, planId, { title: `夜宵${i}`, body })).id);
  for (const [i, body] of LIBRARY.entries()) await createSuggestion(database.db, planId, { title: `座位${i}`, body });
  for (const body of OTHER) await createSuggestion(database.db, planId, { title: '意见', body });
  for (const body of LIBRARY) await createSuggestion(database.db, otherPlanId, { title: '座位', body });
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
  cookie = `jianyan_staff=${await signIn(database.db, staff.id)}`;
  const planner = await createStaff(database.db, { role: 'planner' });
  plannerCookie = `jianyan_staff=${await signIn(database.db, planner.id)}`;
}, 120_000);

test('discovery proposes word groups with their top words and a representative sentence; a rerun adds no copies', async () => {
  expect(await refreshThemes(database.db, planId)).toBeGreaterThanOrEqual(2);
  const before = await themeRows();
  await refreshThemes(database.db, planId);
  expect((await themeRows()).length).toBe(before.length);
  const night = before.find((t) => t.terms.includes('夜宵'))!;
  expect(night.terms).toEqual(expect.arrayContaining(['北区', '食堂', '夜宵']));
  expect(night.status).toBe('proposed');
  expect(night.representative).toMatch(/北区食堂/);
  expect(before.find((t) => t.terms.includes('座位'))?.terms).toContain('图书馆');
  const page = await (await fetch(`${portal.url}/admin/themes?plan=${planId}`, { headers: { cookie } })).text();
  expect(page).toContain(night.label);
  expect(page).toContain('采纳为标签');
});

test('accepting a theme (renamed on the way) makes it a tag; the job tags existing suggestions and enrichment tags new ones', async () => {
  const night = (await themeRows()).find((t) => t.terms.includes('夜宵'))!;
  const response = await post({
    intent: 'accept',
    planId: String(planId),
    themeId: String(night.id),
    label: '北区夜宵',
  });
  expect(response.status).toBe(302);
  const [accepted] = await database.db.select().from(themes).where(eq(themes.id, night.id));
  expect(accepted).toMatchObject({ status: 'accepted', label: '北区夜宵', decidedBy: moderator.id });
  const [tag] = await database.db.select().from(tags).where(eq(tags.id, accepted!.tagId!));
  expect(tag!.name).toBe('北区夜宵');
  const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'theme.accepted'));
  expect(audit).toMatchObject({ actorId: moderator.id, details: { themeId: night.id, tagId: tag!.id } });
  const jobs = await database.sql`select data from pgboss.job where name = 'theme-assign'`;
  expect(jobs.map((j) => j.data)).toContainEqual({ themeId: night.id });

  expect(await assignTheme(database.db, night.id)).toBe(CANTEEN.length);
  expect((await tagged(tag!.id)).sort()).toEqual([...canteen].sort());
  const late = await createSuggestion(database.db, planId, { title: '夜宵', body: '北区食堂夜宵能不能加个粥。' });
  expect(await tagged(tag!.id)).toContain(late.id);
  canteen.push(late.id);
});

test("a moderator's removal of a theme tag stands: the job never puts it back", async () => {
  const night = (await themeRows()).find((t) => t.status === 'accepted')!;
  const [first] = canteen;
  await applyBulkAction(database.db, {
    ids: [first!],
    action: { kind: 'removeTag', tagId: night.tagId! },
    actor: moderator,
  });
  expect(await assignTheme(database.db, night.id)).toBe(0);
  expect(await tagged(night.tagId!)).not.toContain(first);
  // Put back by hand, it is the moderator's again.
  await applyBulkAction(database.db, {
    ids: [first!],
    action: { kind: 'addTags', names: ['北区夜宵'] },
    actor: moderator,
  });
  expect(await tagged(night.tagId!)).toContain(first);
});

test('rename renames the tag; merge moves the suggestions into the other theme; reject closes a proposal', async () => {
  const rows = await themeRows();
  const night = rows.find((t) => t.status === 'accepted')!;
  expect(
    (await post({ intent: 'rename', planId: String(planId), themeId: String(night.id), label: '夜宵' })).status,
  ).toBe(302);
  expect((await database.db.select().from(tags).where(eq(tags.id, night.tagId!)))[0]!.name).toBe('夜宵');

  const seats = rows.find((t) => t.terms.includes('座位'))!;
  expect(
    (await post({ intent: 'merge', planId: String(planId), themeId: String(seats.id), intoId: String(night.id) }))
      .status,
  ).toBe(302);
  const [merged] = await database.db.select().from(themes).where(eq(themes.id, seats.id));
  expect(merged).toMatchObject({ status: 'merged', mergedIntoId: night.id });
  // The merged group now counts for the theme it went into.
  expect(await assignTheme(database.db, night.id)).toBe(LIBRARY.length);

  const rest = (await themeRows()).find((t) => t.status === 'proposed');
  if (rest) {
    expect((await post({ intent: 'reject', planId: String(planId), themeId: String(rest.id) })).status).toBe(302);
    expect((await database.db.select().from(themes).where(eq(themes.id, rest.id)))[0]!.status).toBe('rejected');
  }
  // A rejected or accepted theme keeps the moderators' word when discovery runs again.
  await refreshThemes(database.db, planId);
  expect((await database.db.select().from(themes).where(eq(themes.id, night.id)))[0]!.label).toBe('夜宵');
});

test("authorization in the domain: another plan's theme, a planner, a bypassing domain call are all refused", async () => {
  await refreshThemes(database.db, otherPlanId);
  const [foreign] = await database.db
    .select()
    .from(themes)
    .where(and(eq(themes.planId, otherPlanId), eq(themes.status, 'proposed')));
  expect(foreign).toBeDefined();
  // Posted with this plan's id: the theme is not in it.
  const wrongPlan = await post({ intent: 'accept', planId: String(planId), themeId: String(foreign!.id) });
  expect(wrongPlan.status).toBe(400);
  expect(await wrongPlan.text()).toContain('不属于所选规划');
  expect(
    (await post({ intent: 'accept', planId: String(otherPlanId), themeId: String(foreign!.id) }, plannerCookie)).status,
  ).toBe(403);
  const planner = { id: 0, permissions: permissionsOf('planner', []) };
  await expect(
    acceptTheme(database.db, { planId: otherPlanId, themeId: foreign!.id, actor: planner }),
  ).rejects.toBeInstanceOf(Forbidden);
  expect((await database.db.select().from(themes).where(eq(themes.id, foreign!.id)))[0]!.status).toBe('proposed');
});
