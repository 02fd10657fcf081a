import type { AppLoadContext } from 'react-router';
import { requireUserWithPermission } from '../accounts/auth.server.ts';

// Who may export and see the staff dashboard. Exporting needs
// export:suggestion:any; including contact details also needs the separately
// granted read:contact:any (checked here, so no route can forget it).

export type ExportActor = { actorId: number | null };

type Context = AppLoadContext;

export async function requireExportPermission(
  request: Request,
  context: Context,
  { includeContacts }: { includeContacts: boolean },
): Promise<ExportActor> {
  const user = await requireUserWithPermission(request, context, 'export:suggestion:any');
  if (includeContacts) await requireUserWithPermission(request, context, 'read:contact:any');
  return { actorId: user.id };
}

export async function requireReportPermission(request: Request, context: Context, action: 'read' | 'publish'): Promise<ExportActor> {
  const user = await requireUserWithPermission(request, context, action === 'publish' ? 'manage:plan:any' : 'read:report:any');
  return { actorId: user.id };
}
