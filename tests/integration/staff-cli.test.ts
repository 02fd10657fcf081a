import { spawn } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { loginWithPassword } from '../../app/domain/accounts/login.server.ts';
import { staffPermissionGrants, staffUsers } from '../../db/schema/index.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();

/** Runs `npm run staff -- …` as a user would: the same script, with stdin piped or closed. */
function staffCli(
  args: string[],
  stdin: string | null,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli/staff.ts', ...args], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
      stdio: [stdin === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (stdin !== null) child.stdin!.end(stdin);
  });
}

test.each(['admin', 'moderator', 'planner'] as const)('creates a %s with the password piped on stdin', async (role) => {
  const email = `cli-${role}@test.jianyan.invalid`;
  const result = await staffCli(
    ['create', '--email', email, '--name', `命令行${role}`, '--role', role],
    'a piped password 1\nignored second line\n',
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`(${role}) for ${email}`);
  expect(result.stdout).not.toContain('password:');
  expect(
    (await loginWithPassword(database.db, { email, password: 'a piped password 1', ip: `cli-${role}` })).kind,
  ).toBe('signed-in');
});

test('with nothing on stdin it generates a password, prints it once, and --grant adds the permission', async () => {
  const email = 'cli-generated@test.jianyan.invalid';
  const result = await staffCli(
    ['create', '--email', email, '--name', '生成密码', '--role', 'planner', '--grant', 'read:contact:any'],
    null,
  );
  expect(result.code).toBe(0);
  const password = /password: (\S+)/.exec(result.stdout)?.[1];
  expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
  expect((await loginWithPassword(database.db, { email, password: password!, ip: 'cli-gen' })).kind).toBe('signed-in');
  const [user] = await database.db.select().from(staffUsers).where(eq(staffUsers.email, email));
  const grants = await database.db
    .select()
    .from(staffPermissionGrants)
    .where(eq(staffPermissionGrants.userId, user!.id));
  expect(grants.map((g) => g.permission)).toEqual(['read:contact:any']);
});

test('list shows the accounts; bad input and duplicates are refused', async () => {
  const list = await staffCli(['list'], null);
  expect(list.stdout).toMatch(/admin\s+cli-admin@test\.jianyan\.invalid/);
  expect((await staffCli(['create', '--email', 'x@y.z', '--name', 'X', '--role', 'root'], null)).code).toBe(2);
  expect(
    (await staffCli(['create', '--email', 'short@test.invalid', '--name', 'X', '--role', 'planner'], 'short\n')).code,
  ).toBe(2);
  const duplicate = await staffCli(
    ['create', '--email', 'CLI-ADMIN@test.jianyan.invalid', '--name', 'X', '--role', 'admin'],
    'another password 2\n',
  );
  expect(duplicate.code).toBe(1);
  expect(duplicate.stderr).toContain('already exists');
}, 120_000); // several Node processes in turn: slow on a loaded machine
