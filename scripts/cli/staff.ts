import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  generatePassword,
} from '../../app/domain/accounts/passwords.server.ts';
import { grantablePermissions, roles } from '../../app/domain/authorization/permissions.ts';
import { EmailTakenError, createStaffUser, listStaff } from '../../app/domain/accounts/staff.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';
import { withDatabase } from './with-database.ts';

// `npm run staff -- create --email E --name N --role admin|moderator|planner [--grant read:contact:any]`
// `npm run staff -- list`
// The password is read as one line from stdin when stdin is piped; otherwise
// (a terminal, or nothing piped) one is generated and printed once.
const usage = `usage:
  npm run staff -- create --email E --name N --role ${roles.join('|')} [--grant ${grantablePermissions.join('|')}]
  npm run staff -- list`;

const CreateArgs = z.object({
  email: z.string().trim().email(),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  grant: z.array(z.enum(grantablePermissions)).default([]),
});

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    grant: { type: 'string', multiple: true },
  },
});
const command = positionals[0];

if (command === 'create') {
  const parsed = CreateArgs.safeParse(values);
  if (!parsed.success)
    fail(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`);
  const piped = process.stdin.isTTY ? '' : await readFirstLine();
  const password = piped || generatePassword();
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    fail(`the password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
  }
  await withDatabase(async ({ url, db }) => {
    await migrateDatabase(url);
    try {
      const { id } = await createStaffUser(
        db,
        { ...parsed.data, grants: parsed.data.grant, password },
        { actorId: null },
      );
      console.log(`created staff account #${id} (${parsed.data.role}) for ${parsed.data.email}`);
      if (!piped) console.log(`password: ${password}`);
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
      console.error(`a staff account for ${parsed.data.email} already exists`);
      process.exitCode = 1;
    }
  });
} else if (command === 'list') {
  await withDatabase(async ({ url, db }) => {
    await migrateDatabase(url);
    for (const user of await listStaff(db)) {
      const flags = [user.grants.join(','), user.twoFactorEnabled ? '2fa' : '', user.disabled ? 'disabled' : ''].filter(
        Boolean,
      );
      console.log(
        `#${user.id}\t${user.role}\t${user.email}\t${user.name}${flags.length ? `\t${flags.join(' ')}` : ''}`,
      );
    }
  });
} else {
  fail(usage);
}

async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  // Only the line break is dropped: spaces are part of a password.
  return text.split(/\r?\n/)[0] ?? '';
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
