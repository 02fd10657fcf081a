import type { Route } from './+types/inbox-html';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { viewInboundEmailHtml } from '../../domain/moderation/inbound-email-contacts.server.ts';
import { idParam } from '../../web/parse-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// The mail's HTML as the sender wrote it (sanitized at intake), in a document
// of its own under a sandbox CSP: no script, no form, no network request
// (remote images would tell the sender that staff opened the mail).
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:contact:any');
  const html = await viewInboundEmailHtml(context.db, {
    id: idParam(params.emailId),
    actor: viewer,
    ip: context.clientIp,
  });
  invariantResponse(html !== null);
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>原始邮件（HTML）</title></head><body>${html}</body></html>`;
  return new Response(page, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
