import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createSession } from '../../app/domain/accounts/sessions.server.ts';
import { createStaffUser } from '../../app/domain/accounts/staff.server.ts';
import type { GrantablePermission, Role } from '../../app/domain/authorization/permissions.ts';
import { generateTotpSecret, sealTotpColumns } from '../../app/domain/accounts/totp.server.ts';
import { connect, type Database } from '../../db/client.server.ts';
import { staffUsers } from '../../db/schema/index.ts';
// Seals what these helpers write with the e2e portal's key.
import '../setup/contact-keyring.ts';

// Staff for e2e journeys, written straight into the e2e server's database
// (its URL is left in .tmp/ by tests/setup/e2e-server.ts).
let handle: ReturnType<typeof connect> | undefined;
export function db(): Database {
  handle ??= connect(fs.readFileSync(path.resolve('.tmp/e2e-database-url'), 'utf8'), 2);
  return handle.db;
}

export async function closeStaffDatabase() {
  await handle?.sql.end({ timeout: 5 });
  handle = undefined;
}

export async function createE2eStaff({
  role,
  totp = false,
  grants = [],
}: {
  role: Role;
  totp?: boolean;
  grants?: GrantablePermission[];
}) {
  const email = `e2e-${role}-${crypto.randomBytes(4).toString('hex')}@test.jianyan.invalid`;
  const password = `e2e ${crypto.randomBytes(8).toString('hex')}`;
  const { id } = await createStaffUser(
    db(),
    { email, name: `端到端${role}`, role, password, grants },
    { actorId: null },
  );
  const totpSecret = totp ? generateTotpSecret() : null;
  if (totpSecret)
    await db()
      .update(staffUsers)
      .set({ ...sealTotpColumns({ secret: totpSecret, pending: null }), totpEnabledAt: new Date() })
      .where(eq(staffUsers.id, id));
  return { id, email, password, totpSecret };
}

/** Epic Stack's login fixture: a session row and its cookie, instead of typing in the form. */
export async function loginAs(context: BrowserContext, baseURL: string, userId: number) {
  const { token } = await createSession(db(), { userId, awaitingSecondFactor: false });
  await context.addCookies([{ name: 'jianyan_staff', value: token, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}
