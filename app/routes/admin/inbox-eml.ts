import type { Route } from './+types/inbox-eml';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { downloadInboundEmail } from '../../domain/moderation/inbound-email-contacts.server.ts';
import { downloadResponse } from '../../utils/download.server.ts';
import { idParam } from '../../web/parse-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// The original message carries the sender's address: contact permission, audited.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:contact:any');
  const id = idParam(params.emailId);
  const mail = await downloadInboundEmail(context.db, { id, actor: viewer, ip: context.clientIp });
  invariantResponse(mail);
  return downloadResponse(mail.raw, { filename: `message-${id}.eml`, contentType: 'message/rfc822' });
}
