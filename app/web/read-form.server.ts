import { data } from 'react-router';
import type { RequestProblem } from './request-problem.tsx';
import { BodyTooLarge, readBodyBytes, UnreadableBody } from './read-body.server.ts';

/** Sign-in, tracking, ratings, the elder-mode switch: a few short fields. */
export const SMALL_FORM_BYTES = 16 * 1024;
/** Staff forms: plan text, section bodies, notes and bulk selections fit well within this. */
export const FORM_BYTES = 1024 * 1024;


/**
 * Reads a form post (urlencoded or multipart) with a byte limit, in place of
 * `request.formData()`, which reads any amount. A body over the limit throws a
 * 413 and an unreadable one a 400; the error boundaries turn both into a
 * localized page (see request-problem.ts), never a 500.
 */
export async function readForm(request: Request, { maxBytes = FORM_BYTES }: { maxBytes?: number } = {}): Promise<FormData> {
  let bytes: Buffer;
  try {
    bytes = await readBodyBytes(request, maxBytes);
  } catch (error) {
    throw asResponse(error);
  }
  return parseFormBytes(request.headers.get('content-type') ?? '', bytes);
}

export async function parseFormBytes(contentType: string, bytes: Buffer): Promise<FormData> {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  // A post with no body (a bare button, a client that sent nothing) is an empty form.
  if (bytes.length === 0) return new FormData();
  if (type === 'application/x-www-form-urlencoded') {
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) form.append(name, value);
    return form;
  }
  if (type === 'multipart/form-data') {
    try {
      // The bytes are already bounded, so the platform's parser is safe here.
      return await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      throw unreadable();
    }
  }
  throw unreadable();
}

/** BodyTooLarge → 413, UnreadableBody → 400; anything else is rethrown as it is. */
export function asResponse(error: unknown): unknown {
  if (error instanceof BodyTooLarge) return data<RequestProblem>({ problem: 'too_large', maxBytes: error.maxBytes }, { status: 413 });
  if (error instanceof UnreadableBody) return unreadable();
  return error;
}

function unreadable() {
  return data<RequestProblem>({ problem: 'unreadable' }, { status: 400 });
}
