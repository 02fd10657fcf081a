import type { Permission } from './permissions.ts';

// The one place that says who may act. Routes check a permission early for a
// fast, friendly refusal; domain functions check again on the values they were
// actually given (never on a raw form field), so no route can skip it.

/** Who acts: a staff member's id and effective permissions. */
export type Actor = { id: number; permissions: ReadonlySet<Permission> };

/**
 * The one refusal. The web layer answers it with 403; nothing else in the
 * portal says "forbidden". `permission` names what was missing (never shown to
 * the public, useful in logs and tests).
 */
export class Forbidden extends Error {
  constructor(readonly permission: Permission) {
    super(`${permission} required`);
    this.name = 'Forbidden';
  }
}

export function can(actor: Pick<Actor, 'permissions'> | null | undefined, permission: Permission): boolean {
  return Boolean(actor?.permissions.has(permission));
}

export function assertPermission(actor: Pick<Actor, 'permissions'> | null | undefined, permission: Permission): void {
  if (!can(actor, permission)) throw new Forbidden(permission);
}
