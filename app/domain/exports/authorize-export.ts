import { assertPermission, type Actor } from '../authorization/actor.ts';

/**
 * Who may run an export, decided on the parsed request: the contact columns
 * need read:contact:any whatever spelling of "yes" the form used.
 */
export function authorizeExport(viewer: Actor, options: { includeContacts: boolean }): void {
  assertPermission(viewer, 'export:suggestion:any');
  if (options.includeContacts) assertPermission(viewer, 'read:contact:any');
}
