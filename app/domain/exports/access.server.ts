import { data, type AppLoadContext } from 'react-router';

// TEMPORARY SEAM, replaced when the staff-accounts branch is merged.
//
// Staff login is built on another branch. Until it lands, exports, the
// dashboard and report publishing are closed (403) unless the development
// switch JIANYAN_DEV_EXPORTS=1 is set in the server's environment. Never set
// it on a server reachable by anyone but developers: it opens exports,
// including contact details, to every visitor.
//
// At merge, each body becomes one call:
//   requireExportPermission → requireUserWithPermission(request, context, 'export:suggestion:any')
//                             (+ 'read:contact:any' when includeContacts)
//   requireReportPermission → 'read:report:any' ('manage:plan:any' to publish)
// and `actorId` becomes the user's id.

export type ExportActor = { actorId: number | null };

type Context = Pick<AppLoadContext, 'db' | 'config'>;

export async function requireExportPermission(
  _request: Request,
  _context: Context,
  _options: { includeContacts: boolean },
): Promise<ExportActor> {
  return devSwitch();
}

export async function requireReportPermission(_request: Request, _context: Context, _action: 'read' | 'publish'): Promise<ExportActor> {
  return devSwitch();
}

function devSwitch(): ExportActor {
  if (process.env.JIANYAN_DEV_EXPORTS !== '1') throw data(null, { status: 403 });
  return { actorId: null };
}
