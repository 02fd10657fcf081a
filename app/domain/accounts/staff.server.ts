import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { staffPermissionGrants, staffUsers } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { hashPassword } from './passwords.server.ts';
import type { GrantablePermission, Role } from '../authorization/permissions.ts';

export type StaffSummary = {
  id: number;
  email: string;
  name: string;
  role: Role;
  grants: string[];
  twoFactorEnabled: boolean;
  disabled: boolean;
  createdAt: Date;
};

export class EmailTakenError extends Error {
  constructor() {
    super('a staff account with this email already exists');
  }
}

/**
 * Creates an account. `actorId` null means the command line. With
 * `mustChangePassword`, the password is a one-time one an admin passes on.
 */
export async function createStaffUser(
  db: Database,
  input: {
    email: string;
    name: string;
    role: Role;
    password: string;
    grants?: GrantablePermission[];
    mustChangePassword?: boolean;
  },
  { actorId, ip }: { actorId: number | null; ip?: string },
): Promise<{ id: number }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = lower(${input.email})`);
    if (existing) throw new EmailTakenError();
    const [user] = await tx
      .insert(staffUsers)
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
      })
      .returning({ id: staffUsers.id });
    const grants = input.grants ?? [];
    if (grants.length) {
      await tx
        .insert(staffPermissionGrants)
        .values(grants.map((permission) => ({ userId: user!.id, permission, grantedBy: actorId })));
    }
    await recordAudit(tx, {
      actorId,
      action: 'user.created',
      targetType: 'user',
      targetId: user!.id,
      details: { role: input.role, grants, via: actorId === null ? 'cli' : 'admin' },
      ip,
    });
    return user!;
  });
}

export function listStaff(db: Database): Promise<StaffSummary[]> {
  return selectStaff(db);
}

export async function getStaffSummary(db: Database, id: number): Promise<StaffSummary | null> {
  const [user] = await selectStaff(db, id);
  return user ?? null;
}

async function selectStaff(db: Database, id?: number): Promise<StaffSummary[]> {
  const rows = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      totpEnabledAt: staffUsers.totpEnabledAt,
      disabledAt: staffUsers.disabledAt,
      createdAt: staffUsers.createdAt,
      grants: sql<
        string[]
      >`coalesce((select array_agg(g.permission order by g.permission) from ${staffPermissionGrants} g where g.user_id = ${staffUsers.id}), '{}')`,
    })
    .from(staffUsers)
    .where(id === undefined ? undefined : eq(staffUsers.id, id))
    .orderBy(asc(staffUsers.id));
  return rows.map(({ totpEnabledAt, disabledAt, ...row }) => ({
    ...row,
    twoFactorEnabled: totpEnabledAt !== null,
    disabled: disabledAt !== null,
  }));
}

export async function grantsOf(db: Pick<Database, 'select'>, userId: number): Promise<string[]> {
  const rows = await db
    .select({ permission: staffPermissionGrants.permission })
    .from(staffPermissionGrants)
    .where(eq(staffPermissionGrants.userId, userId));
  return rows.map((row) => row.permission).sort();
}

export async function hasGrant(db: Database, userId: number, permission: string): Promise<boolean> {
  const rows = await db
    .select({ userId: staffPermissionGrants.userId })
    .from(staffPermissionGrants)
    .where(and(eq(staffPermissionGrants.userId, userId), eq(staffPermissionGrants.permission, permission)));
  return rows.length > 0;
}
