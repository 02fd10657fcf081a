import type { Route } from './+types/suggestion-attachment';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { attachmentForStaff } from '../../domain/moderation/suggestion-detail.server.ts';
import { downloadResponse } from '../../utils/download.server.ts';
import { idParam } from '../../web/parse-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// Attachments are always downloaded, never shown inline (a crafted file must
// not run as a page of the admin area).
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:suggestion:any');
  const file = await attachmentForStaff(context.db, {
    suggestionId: idParam(params.suggestionId),
    attachmentId: idParam(params.attachmentId),
    viewer,
    ip: context.clientIp,
  });
  invariantResponse(file);
  return downloadResponse(file.content, file);
}
