import crypto from 'node:crypto';
import type { Route } from './+types/intake-email';
import { receiveRawEmail } from '../../domain/intake/email/receive-raw-email.server.ts';
import { BodyTooLarge, readBodyBytes, UnreadableBody } from '../../web/read-body.server.ts';

/**
 * POST /api/intake/email: one raw MIME message in the body, for an MTA pipe
 * (Postfix) or an inbound-mail service, with `Authorization: Bearer
 * INTAKE_TOKEN`. 202 once the message is committed, with what became of it.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const { token, maxBytes } = context.config.intake;
  if (!token)
    return Response.json({ error: 'email intake over HTTP is not configured (INTAKE_TOKEN)' }, { status: 404 });
  if (!authorized(request.headers.get('authorization'), token)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  let raw: Buffer;
  try {
    // Counted as it streams: a chunked upload has no Content-Length to check.
    raw = await readBodyBytes(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return Response.json({ error: `message too large (limit ${maxBytes} bytes)` }, { status: 413 });
    if (error instanceof UnreadableBody)
      return Response.json({ error: 'the request body could not be read' }, { status: 400 });
    throw error;
  }
  if (raw.length === 0) return Response.json({ error: 'empty body: send the raw message' }, { status: 400 });

  const received = await receiveRawEmail(context.db, raw, 'http', context.config);
  return Response.json(received, { status: 202 });
}

export function loader() {
  return Response.json({ error: 'POST a raw message' }, { status: 405, headers: { Allow: 'POST' } });
}

function authorized(header: string | null, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
}
