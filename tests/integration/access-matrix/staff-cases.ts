import { startTotpEnrolment } from '../../../app/domain/accounts/own-account.server.ts';
import { currentTotp } from '../../../app/domain/accounts/totp.server.ts';
import { createStaff } from '../../factories/staff.ts';
import { holds, unique, type Case, type Harness } from './harness.ts';

// Staff accounts: one's own (signed in is enough) and others' (manage:user:any).

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a much longer passphrase 2026';
const MANAGE_USERS: Case['needs'] = ['manage:user:any'];

const passwordHash = async (h: Harness, id: number | string) =>
  (await h.sql<{ hash: string }[]>`select password_hash as hash from staff_users where id = ${id}`)[0]!.hash;
const ownAccount = async (h: Harness, id: number | null) => ({ user: id!, hash: await passwordHash(h, id!) });

/** Cases on the actor's own account; an anonymous attempt targets a bystander's account, which must stay as it was. */
export const accountCases: Case[] = [
  {
    route: 'account.tsx',
    intent: 'change-password',
    needs: 'signed-in',
    ownAccount: { totp: false },
    setup: (h, actor) => ownAccount(h, actor.id),
    path: () => '/admin/account',
    body: () => ({
      intent: 'change-password',
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    }),
    effect: async (h, c) => (await passwordHash(h, c.user!)) !== c.hash,
  },
  {
    route: 'account.tsx',
    intent: 'start-2fa',
    needs: 'signed-in',
    ownAccount: { totp: false },
    setup: (h, actor) => ownAccount(h, actor.id),
    path: () => '/admin/account',
    body: () => ({ intent: 'start-2fa', currentPassword: PASSWORD }),
    effect: (h, c) => holds(h)`select totp_pending_secret is not null as ok from staff_users where id = ${c.user}`,
  },
  {
    route: 'account.tsx',
    intent: 'confirm-2fa',
    needs: 'signed-in',
    ownAccount: { totp: false },
    setup: async (h, actor) => {
      const started = await startTotpEnrolment(h.db, {
        viewer: { id: actor.id!, twoFactorRequired: false, twoFactorEnabled: false },
        currentPassword: PASSWORD,
      });
      if (!started.ok) throw new Error(`enrolment refused: ${started.error}`);
      return { user: actor.id!, secret: started.secret };
    },
    path: () => '/admin/account',
    body: (c) => ({ intent: 'confirm-2fa', code: currentTotp(String(c.secret)) }),
    effect: (h, c) => holds(h)`select totp_enabled_at is not null as ok from staff_users where id = ${c.user}`,
  },
  {
    route: 'account.tsx',
    intent: 'disable-2fa',
    needs: 'signed-in',
    ownAccount: { totp: true },
    // Admins and contact readers must keep their second factor: refused, whatever the permissions.
    declinedFor: (actor) => actor.role === 'admin' || actor.grants.length > 0,
    setup: (h, actor) => ownAccount(h, actor.id),
    path: () => '/admin/account',
    body: () => ({ intent: 'disable-2fa', currentPassword: PASSWORD }),
    effect: (h, c) => holds(h)`select totp_enabled_at is null as ok from staff_users where id = ${c.user}`,
  },
  {
    route: 'account.tsx',
    intent: 'logout-everywhere',
    needs: 'signed-in',
    ownAccount: { totp: false },
    setup: (h, actor) => ownAccount(h, actor.id),
    path: () => '/admin/account',
    body: () => ({ intent: 'logout-everywhere' }),
    effect: (h, c) => holds(h)`select not exists (select 1 from staff_sessions where user_id = ${c.user}) as ok`,
  },
];

async function target(h: Harness, options: Parameters<typeof createStaff>[1] = {}) {
  const staff = await createStaff(h.db, { role: 'moderator', ...options });
  return { user: staff.id, hash: await passwordHash(h, staff.id) };
}

const userCase = (
  intent: string,
  extra: Record<string, string>,
  effect: Case['effect'],
  options?: Parameters<typeof createStaff>[1],
): Case => ({
  route: 'user.tsx',
  intent,
  needs: MANAGE_USERS,
  setup: (h) => target(h, options),
  path: (c) => `/admin/users/${c.user}`,
  body: () => ({ intent, ...extra }),
  effect,
});

const hasGrant = (h: Harness, id: number | string) =>
  holds(
    h,
  )`select exists (select 1 from staff_permission_grants where user_id = ${id} and permission = 'read:contact:any') as ok`;
const disabled = (h: Harness, id: number | string) =>
  holds(h)`select disabled_at is not null as ok from staff_users where id = ${id}`;

export const userCases: Case[] = [
  {
    route: 'users.tsx',
    intent: 'form',
    needs: MANAGE_USERS,
    setup: async () => ({ email: `${unique('invited-')}@test.jianyan.invalid` }),
    path: () => '/admin/users',
    body: (c) => ({ email: String(c.email), name: '新同事', role: 'moderator' }),
    effect: (h, c) => holds(h)`select exists (select 1 from staff_users where email = ${c.email}) as ok`,
  },
  userCase(
    'role',
    { role: 'planner' },
    (h, c) => holds(h)`select role::text = 'planner' as ok from staff_users where id = ${c.user}`,
  ),
  userCase('grant-contact', {}, (h, c) => hasGrant(h, c.user!)),
  userCase('revoke-contact', {}, async (h, c) => !(await hasGrant(h, c.user!)), {
    grants: ['read:contact:any'],
    totp: true,
  }),
  userCase('disable', {}, (h, c) => disabled(h, c.user!)),
  {
    ...userCase('enable', {}, async (h, c) => !(await disabled(h, c.user!))),
    setup: async (h) => {
      const ctx = await target(h);
      await h.sql`update staff_users set disabled_at = now() where id = ${ctx.user}`;
      return ctx;
    },
  },
  userCase('reset-password', {}, async (h, c) => (await passwordHash(h, c.user!)) !== c.hash),
];
