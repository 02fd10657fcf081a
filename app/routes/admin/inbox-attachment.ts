import type { Route } from './+types/inbox-attachment';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { downloadInboundAttachment } from '../../domain/moderation/inbox.server.ts';
import { downloadResponse } from '../../utils/download.server.ts';
import { idParam } from '../../web/parse-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// A file a mail carried that the portal did not keep with the suggestion (a
// type it does not accept, or one beyond the count). Always downloaded as
// bytes, never rendered: whatever its name or declared type says.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:suggestion:any');
  const index = Number(params.index);
  invariantResponse(Number.isInteger(index) && index >= 0 && index <= 10_000);
  const file = await downloadInboundAttachment(context.db, {
    id: idParam(params.emailId),
    index,
    actor: viewer,
    ip: context.clientIp,
    maxBytes: context.config.intake.maxBytes,
  });
  invariantResponse(file);
  return downloadResponse(file.bytes, { filename: file.filename, contentType: 'application/octet-stream' });
}
