import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { ContactAccessDenied, maskedContact, revealContact } from '../../app/domain/contacts/contacts.server.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
let suggestionId: number;

beforeAll(async () => {
  const plan = await createPlan(database.db);
  suggestionId = (
    await createSuggestion(database.db, plan.id, {
      contact: { name: '张三丰', unit: '物理与电子工程学院', phone: '13812345678', email: 'zhang@example.edu.cn' },
    })
  ).id;
});

const reveals = () =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'contact.revealed'), eq(auditLog.targetId, String(suggestionId))));

test('staff see contact details masked', async () => {
  expect(await maskedContact(database.db, suggestionId)).toEqual({
    name: '张**',
    unit: '物理***',
    phone: '138********',
    email: 'z***@example.edu.cn',
  });
});

test('a holder of read:contact:any sees them in clear with a reason, and the audit log says who, which and why', async () => {
  const staff = await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'], totp: true });
  const viewer = { id: staff.id, permissions: permissionsOf('moderator', ['read:contact:any']) };
  const contact = await revealContact(database.db, { suggestionId, viewer, reason: '需要电话核实意见内容' });
  expect(contact).toEqual({
    name: '张三丰',
    unit: '物理与电子工程学院',
    phone: '13812345678',
    email: 'zhang@example.edu.cn',
  });
  const [entry] = await reveals();
  expect(entry).toMatchObject({
    actorId: staff.id,
    targetType: 'suggestion',
    details: { reason: '需要电话核实意见内容' },
  });
});

test('a reason with a mobile number, an email and an ID number is stored masked in the audit row', async () => {
  const staff = await createStaff(database.db, { role: 'moderator', grants: ['read:contact:any'], totp: true });
  const viewer = { id: staff.id, permissions: permissionsOf('moderator', ['read:contact:any']) };
  // 11010519491231002X passes the GB 11643 check, so the detector takes it for an ID number.
  const reason = '回电13812345678核实，邮箱zhang.san@example.com，身份证号11010519491231002X';
  const contact = await revealContact(database.db, { suggestionId, viewer, reason });
  expect(contact?.phone).toBe('13812345678');
  const [entry] = (await reveals()).filter((row) => row.actorId === staff.id);
  expect(entry?.details).toEqual({ reason: '回电138********核实，邮箱z***@example.com，身份证号******************' });
  const stored = JSON.stringify(entry?.details);
  for (const typed of ['13812345678', '5678', 'zhang.san', '11010519491231002X', '19491231'])
    expect(stored, typed).not.toContain(typed);
});

test('without the permission, or without a reason, nothing is shown and nothing is logged', async () => {
  const before = (await reveals()).length;
  const moderator = await createStaff(database.db, { role: 'moderator' });
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  for (const viewer of [
    { id: moderator.id, permissions: permissionsOf('moderator', []) },
    // Admins too: the permission is never part of a role.
    { id: admin.id, permissions: permissionsOf('admin', []) },
  ]) {
    await expect(revealContact(database.db, { suggestionId, viewer, reason: '好奇' })).rejects.toBeInstanceOf(
      ContactAccessDenied,
    );
  }
  const holder = await createStaff(database.db, { role: 'planner', grants: ['read:contact:any'], totp: true });
  await expect(
    revealContact(database.db, {
      suggestionId,
      viewer: { id: holder.id, permissions: permissionsOf('planner', ['read:contact:any']) },
      reason: '   ',
    }),
  ).rejects.toBeInstanceOf(ContactAccessDenied);
  expect(await reveals()).toHaveLength(before);
});
