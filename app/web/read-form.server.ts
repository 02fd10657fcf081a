import { data } from 'react-router';
import { detectLocale, translator } from '../i18n/index.ts';
import { BodyTooLarge, readBodyBytes, UnreadableBody } from './read-body.server.ts';
import { readableSize, type RequestProblem } from './request-problem.tsx';

/** Sign-in, tracking, ratings, the elder-mode switch: a few short fields. */
export const SMALL_FORM_BYTES = 16 * 1024;
/** Staff forms: plan text, section bodies, notes and bulk selections fit well within this. */
export const FORM_BYTES = 1024 * 1024;

type ReadOptions = { maxBytes?: number };

/**
 * Reads a form post (urlencoded or multipart) with a byte limit, in place of
 * `request.formData()`, which reads any amount. A body over the limit throws a
 * 413 and an unreadable one a 400; the error boundaries turn both into a
 * localized page (request-problem.tsx), never a 500.
 */
export async function readForm(request: Request, options: ReadOptions = {}): Promise<FormData> {
  const result = await readFormOrProblem(request, options);
  if (result instanceof FormData) return result;
  throw data<RequestProblem>({ ...result, locale: detectLocale(request) }, { status: statusOf(result) });
}

/**
 * readForm for resource routes (no page, no error boundary): a refused body
 * gets a short localized plain-text answer instead of the boundary's page.
 */
export async function readFormOrAnswer(request: Request, options: ReadOptions = {}): Promise<FormData> {
  const result = await readFormOrProblem(request, options);
  if (result instanceof FormData) return result;
  const t = translator(detectLocale(request));
  const text =
    result.problem === 'too_large'
      ? `${t('request.tooLarge.title')}\n${t('request.tooLarge.detail', { size: readableSize(result.maxBytes) })}`
      : `${t('request.unreadable.title')}\n${t('request.unreadable.detail')}`;
  throw new Response(text, { status: statusOf(result), headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function readFormOrProblem(
  request: Request,
  { maxBytes = FORM_BYTES }: ReadOptions,
): Promise<FormData | RequestProblem> {
  let bytes: Buffer;
  try {
    bytes = await readBodyBytes(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return { problem: 'too_large', maxBytes: error.maxBytes };
    if (error instanceof UnreadableBody) return { problem: 'unreadable' };
    throw error;
  }
  return (await parseFormBytes(request.headers.get('content-type') ?? '', bytes)) ?? { problem: 'unreadable' };
}

const statusOf = (problem: RequestProblem) => (problem.problem === 'too_large' ? 413 : 400);

/** The form in `bytes`, or undefined if it is not a form. */
async function parseFormBytes(contentType: string, bytes: Buffer): Promise<FormData | undefined> {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  // A post with no body (a bare button, a client that sent nothing) is an empty form.
  if (bytes.length === 0) return new FormData();
  if (type === 'application/x-www-form-urlencoded') {
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) form.append(name, value);
    return form;
  }
  if (type !== 'multipart/form-data') return undefined;
  try {
    // The bytes are already bounded, so the platform's parser is safe here.
    return await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
}
