// Who may do what, in one table. Permission strings follow the Epic Stack
// shape action:entity:access. Anything not listed is denied.

export const roles = ['admin', 'moderator', 'planner'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'read:suggestion:any',
  'moderate:suggestion:any',
  'export:suggestion:any',
  'read:report:any',
  'manage:plan:any',
  'manage:user:any',
  'read:audit:any',
  'read:contact:any',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * Seeing a submitter's name and contact details is never part of a role, not
 * even admin: an admin grants it person by person (and may grant it to
 * themselves), every grant is audited, and holding it requires 2FA.
 */
export const grantablePermissions = ['read:contact:any'] as const satisfies readonly Permission[];
export type GrantablePermission = (typeof grantablePermissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    'read:suggestion:any',
    'moderate:suggestion:any',
    'export:suggestion:any',
    'read:report:any',
    'manage:plan:any',
    'manage:user:any',
    'read:audit:any',
  ],
  moderator: ['read:suggestion:any', 'moderate:suggestion:any'],
  planner: ['read:suggestion:any', 'read:report:any', 'export:suggestion:any'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function isGrantablePermission(value: unknown): value is GrantablePermission {
  return typeof value === 'string' && (grantablePermissions as readonly string[]).includes(value);
}

/** The effective permissions of a role plus individual grants (unknown grants are ignored). */
export function permissionsOf(role: Role, grants: readonly string[]): ReadonlySet<Permission> {
  return new Set<Permission>([...rolePermissions[role], ...grants.filter(isGrantablePermission)]);
}

/** Admins, and anyone who can see contact details, must use a second factor. */
export function requiresTwoFactor(role: Role, grants: readonly string[]): boolean {
  return role === 'admin' || grants.includes('read:contact:any');
}
