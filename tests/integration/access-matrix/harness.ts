import crypto from 'node:crypto';
import type postgres from 'postgres';
import type { Database } from '../../../db/client.server.ts';
import type { GrantablePermission, Permission, Role } from '../../../app/domain/authorization/permissions.ts';
import { grantablePermissions, permissionsOf, roles } from '../../../app/domain/authorization/permissions.ts';
import { createStaff, signIn } from '../../factories/staff.ts';

// The pieces of the route × role × intent matrix (action-intent-matrix.test.ts):
// who posts, what each case posts, and how it tells that the act took effect.

export type Actor = {
  label: string;
  role: Role | null;
  grants: GrantablePermission[];
  id: number | null;
  cookie: string | null;
  permissions: ReadonlySet<Permission>;
};

/** What a case's rows are called: ids and codes made by its setup. */
export type Ctx = Record<string, number | string>;

export type Harness = {
  db: Database;
  sql: postgres.Sql;
  /** A signed-in admin's actor, for domain calls that build a case's state. */
  admin: { id: number; permissions: ReadonlySet<Permission> };
  /** A moderator that assignment cases assign suggestions to. */
  assigneeId: number;
};

export type Body = Record<string, string | string[]> | FormData;

/** Who may: signed in at all, or holding every listed permission. */
export type Need = 'signed-in' | Permission[];

export type Case = {
  /** The module under app/routes/admin whose action receives the POST. */
  route: string;
  /** The `intent` value, or 'form' for an action without intents. */
  intent: string;
  /** A variant of the same intent (another spelling of a field, say). */
  variant?: string;
  /** Other route modules whose forms post this intent to `route`. */
  declaredIn?: string[];
  needs: Need;
  /** The act is on the actor's own account: a fresh account per attempt (with 2FA enrolled or not). */
  ownAccount?: { totp: boolean };
  /** A permitted actor whom a rule other than permissions turns away (no change either). */
  declinedFor?: (actor: Actor) => boolean;
  setup: (h: Harness, actor: Actor) => Promise<Ctx>;
  path: (ctx: Ctx) => string;
  body: (ctx: Ctx) => Body;
  /** True once the act took effect; false before. `response` is the answer's text. */
  effect: (h: Harness, ctx: Ctx, response: string) => Promise<boolean>;
};

/** Every role, without and with each grantable permission (the contact permission). */
export const roleActors: { role: Role; grants: GrantablePermission[] }[] = roles.flatMap((role) => [
  { role, grants: [] },
  ...grantablePermissions.map((permission) => ({ role, grants: [permission] })),
]);

export async function signedInActor(
  db: Database,
  role: Role,
  grants: GrantablePermission[],
  totp?: boolean,
): Promise<Actor> {
  // Enrolled where 2FA is required, so the enrolment redirect does not hide the permission check.
  const staff = await createStaff(db, { role, grants, totp: totp ?? (role === 'admin' || grants.length > 0) });
  return {
    label: `${role}${grants.length ? '+contact' : ''}`,
    role,
    grants,
    id: staff.id,
    cookie: `jianyan_staff=${await signIn(db, staff.id)}`,
    permissions: permissionsOf(role, grants),
  };
}

export const anonymous: Actor = {
  label: 'anonymous',
  role: null,
  grants: [],
  id: null,
  cookie: null,
  permissions: new Set(),
};

export function mayAct(actor: Actor, needs: Need): boolean {
  if (!actor.cookie) return false;
  return needs === 'signed-in' || needs.every((p) => actor.permissions.has(p));
}

export const unique = (prefix: string) => `${prefix}${crypto.randomBytes(4).toString('hex')}`;

/**
 * Whether a query's one row says `ok`: holds(h)`select … as ok from …`. The
 * values may be any id a case made (the context's index type allows undefined).
 */
export const holds =
  (h: Harness) =>
  async (strings: TemplateStringsArray, ...values: unknown[]): Promise<boolean> => {
    const [row] = await h.sql<{ ok: boolean }[]>(strings, ...(values as postgres.ParameterOrFragment<never>[]));
    return Boolean(row?.ok);
  };

/** True as soon as `check` is; false if it never is within `ms`. */
export async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
