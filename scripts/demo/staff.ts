import { sql } from 'drizzle-orm';
import { generatePassword } from '../../app/domain/accounts/passwords.server.ts';
import type { Role } from '../../app/domain/authorization/permissions.ts';
import { createStaffUser } from '../../app/domain/accounts/staff.server.ts';
import type { Database } from '../../db/client.server.ts';
import { staffUsers } from '../../db/schema/index.ts';

// One fictional account per role, for trying the admin area on a development
// install. Never in production: there the first admin comes from the CLI.
const demoStaff: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.jianyan.invalid', name: '演示管理员', role: 'admin' },
  { email: 'moderator@demo.jianyan.invalid', name: '演示审核员', role: 'moderator' },
  { email: 'planner@demo.jianyan.invalid', name: '演示规划员', role: 'planner' },
];

const STAFF_SEED_LOCK = 7_211_044;

export type DemoCredential = { email: string; role: Role; password: string };

/** Creates the demo accounts when there is no staff account at all; returns their credentials, or [] if it did nothing. */
export async function seedDemoStaff(db: Database): Promise<DemoCredential[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_SEED_LOCK})`);
    if ((await tx.$count(staffUsers)) > 0) return [];
    const created: DemoCredential[] = [];
    for (const account of demoStaff) {
      const password = generatePassword();
      await createStaffUser(tx as unknown as Database, { ...account, password }, { actorId: null });
      created.push({ email: account.email, role: account.role, password });
    }
    return created;
  });
}

/** Printed to the terminal once, at the start that created them; never to the JSON log. */
export function printDemoCredentials(credentials: DemoCredential[], url: string): void {
  if (!credentials.length) return;
  const lines = credentials.map((c) => `  ${c.role.padEnd(9)} ${c.email.padEnd(32)} ${c.password}`);
  process.stdout.write(
    `\nDemo staff accounts (development only; shown once). Sign in at ${url}/admin/login\n${lines.join('\n')}\n` +
      'The admin enrols an authenticator app (TOTP) at first sign-in.\n\n',
  );
}
