import { and, asc, eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { changeTags, listPlanTags, TagNameTakenError } from '../../app/domain/moderation/manage-tags.server.ts';
import { addTagsByName } from '../../app/domain/moderation/tags.server.ts';
import { auditLog, suggestionTags, tags } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const ip = '192.0.2.60';

async function setup() {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const viewer = { id: staff.id, permissions: permissionsOf('admin', []) };
  const plan = await createPlan(database.db);
  const [a, b, c] = [
    await createSuggestion(database.db, plan.id),
    await createSuggestion(database.db, plan.id),
    await createSuggestion(database.db, plan.id),
  ];
  await addTagsByName(database.db, [a.id, b.id], ['食堂']);
  await addTagsByName(database.db, [b.id, c.id], ['饭堂']);
  const byName = async () =>
    Object.fromEntries((await listPlanTags(database.db, plan.id)).map((tag) => [tag.name, tag]));
  return { viewer, plan, a, b, c, byName };
}

test('merging moves every suggestion to the kept tag once, deletes the other, and is audited', async () => {
  const { viewer, plan, a, b, c, byName } = await setup();
  const before = await byName();
  expect(before['食堂']!.uses).toBe(2);
  expect(
    await changeTags(database.db, {
      planId: plan.id,
      change: { kind: 'merge', tagId: before['饭堂']!.id, intoTagId: before['食堂']!.id },
      viewer,
      ip,
    }),
  ).toBe(true);
  const after = await byName();
  expect(Object.keys(after)).toEqual(['食堂']);
  expect(after['食堂']!.uses).toBe(3);
  const tagged = await database.db
    .select({ id: suggestionTags.suggestionId })
    .from(suggestionTags)
    .where(eq(suggestionTags.tagId, before['食堂']!.id))
    .orderBy(asc(suggestionTags.suggestionId));
  expect(tagged.map((row) => row.id)).toEqual([a.id, b.id, c.id]);
  const [entry] = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'tag.merged'), eq(auditLog.targetId, String(plan.id))));
  expect(entry!.details).toEqual({ tagId: before['饭堂']!.id, intoTagId: before['食堂']!.id, suggestions: 2 });
});

test('renaming keeps the suggestions; a taken name is refused', async () => {
  const { viewer, plan, byName } = await setup();
  const before = await byName();
  await expect(
    changeTags(database.db, {
      planId: plan.id,
      change: { kind: 'rename', tagId: before['饭堂']!.id, name: '食堂' },
      viewer,
      ip,
    }),
  ).rejects.toBeInstanceOf(TagNameTakenError);
  expect(
    await changeTags(database.db, {
      planId: plan.id,
      change: { kind: 'rename', tagId: before['饭堂']!.id, name: '  餐饮　服务 ' },
      viewer,
      ip,
    }),
  ).toBe(true);
  const after = await byName();
  expect(after['餐饮 服务']).toMatchObject({ id: before['饭堂']!.id, uses: 2 });
});

test('deleting removes the tag from its suggestions, and a tag of another plan is out of reach', async () => {
  const { viewer, plan, byName } = await setup();
  const other = await setup();
  const foreign = (await other.byName())['食堂']!.id;
  expect(
    await changeTags(database.db, { planId: plan.id, change: { kind: 'delete', tagId: foreign }, viewer, ip }),
  ).toBe(false);
  expect(
    await changeTags(database.db, {
      planId: plan.id,
      change: { kind: 'merge', tagId: (await byName())['饭堂']!.id, intoTagId: foreign },
      viewer,
      ip,
    }),
  ).toBe(false);
  const target = (await byName())['饭堂']!.id;
  expect(
    await changeTags(database.db, { planId: plan.id, change: { kind: 'delete', tagId: target }, viewer, ip }),
  ).toBe(true);
  expect(await database.db.$count(suggestionTags, eq(suggestionTags.tagId, target))).toBe(0);
  expect(await database.db.$count(tags, eq(tags.id, foreign))).toBe(1);
  expect(
    await database.db.$count(auditLog, and(eq(auditLog.action, 'tag.deleted'), eq(auditLog.targetId, String(plan.id)))),
  ).toBe(1);
});

test('only plan managers may change tags', async () => {
  const { plan } = await setup();
  const moderator = {
    id: (await createStaff(database.db, { role: 'moderator' })).id,
    permissions: permissionsOf('moderator', []),
  };
  await expect(
    changeTags(database.db, { planId: plan.id, change: { kind: 'add', name: '新标签' }, viewer: moderator, ip }),
  ).rejects.toThrow('manage:plan:any');
});
