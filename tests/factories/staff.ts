import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.server.ts';
import { staffUsers } from '../../db/schema/index.ts';
import type { GrantablePermission, Role } from '../../app/domain/authorization/permissions.ts';
import { createSession } from '../../app/domain/accounts/sessions.server.ts';
import { createStaffUser } from '../../app/domain/accounts/staff.server.ts';
import { generateTotpSecret, sealTotpColumns } from '../../app/domain/accounts/totp.server.ts';

export type TestStaff = { id: number; email: string; password: string; role: Role; totpSecret: string | null };

/** A staff account; with `totp`, 2FA is already enrolled (as admins and contact readers need). */
export async function createStaff(
  db: Database,
  {
    role = 'moderator',
    grants = [],
    totp = false,
    password = 'correct horse battery',
  }: { role?: Role; grants?: GrantablePermission[]; totp?: boolean; password?: string } = {},
): Promise<TestStaff> {
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@test.jianyan.invalid`;
  const { id } = await createStaffUser(db, { email, name: `测试${role}`, role, password, grants }, { actorId: null });
  const totpSecret = totp ? generateTotpSecret() : null;
  if (totpSecret)
    await db
      .update(staffUsers)
      .set({ ...sealTotpColumns({ secret: totpSecret, pending: null }), totpEnabledAt: new Date() })
      .where(eq(staffUsers.id, id));
  return { id, email, password, role, totpSecret };
}

/** A signed-in session cookie value without going through the login form (Epic Stack's login fixture). */
export async function signIn(db: Database, userId: number): Promise<string> {
  return (await createSession(db, { userId, awaitingSecondFactor: false })).token;
}
