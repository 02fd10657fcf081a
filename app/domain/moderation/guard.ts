import type { StaffUser } from '../accounts/auth.server.ts';
import type { Permission } from '../accounts/permissions.ts';

/** Who acts: domain commands re-check the permission the route already checked. */
export type Actor = Pick<StaffUser, 'id' | 'permissions'>;

export class ModerationError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_allowed' | 'forbidden' | 'no_email' | 'same_suggestion' | 'other_plan' | 'consent_note',
  ) {
    super(`moderation: ${code}`);
  }
}

export function assertPermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw new ModerationError('forbidden');
}
