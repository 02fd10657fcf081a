import type { AppLoadContext } from 'react-router';
import { findSession } from '../domain/accounts/sessions.server.ts';
import { readSessionToken } from './session-cookie.server.ts';

/**
 * Whether this browser holds a live staff session, finished or still waiting
 * for its second factor. Public acts that only a submitter may do (rating the
 * handling) are refused from such a browser.
 */
export async function hasStaffSession(
  request: Request,
  context: Pick<AppLoadContext, 'db' | 'config'>,
): Promise<boolean> {
  const token = readSessionToken(request, context.config);
  if (!token) return false;
  return (await findSession(context.db, token)) !== null;
}
