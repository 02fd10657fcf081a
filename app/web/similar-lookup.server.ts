import type { Database } from '../../db/client.server.ts';
import { readTypedFields } from '../domain/intake/web/submit-web-form.server.ts';
import { consumeRateLimit } from '../domain/rate-limit/rate-limit.server.ts';
import { findSimilarPublished, type SimilarSuggestion } from '../domain/support/similar-suggestions.server.ts';
import { uploadReaderOf } from './read-upload.server.ts';

// Searching costs less than storing, so it may be used more often than submitting, but not without bound.
const SIMILAR_PER_SUBMIT = 10;

export type SimilarLookup =
  | { type: 'found'; similar: SimilarSuggestion[]; typed: Record<string, unknown> }
  | { type: 'rate_limited'; retryAfterSeconds: number }
  | { type: 'too_large' }
  | { type: 'unreadable' };

/**
 * One lookup of similar published suggestions for what a visitor typed (decisions 048, 049):
 * the "查找相似建议" button and the as-you-type list share it, and its allowance per address.
 */
export async function lookUpSimilar(
  { db, clientIp, submitPerHour }: { db: Database; clientIp: string; submitPerHour: number },
  planId: number,
  request: Request,
): Promise<SimilarLookup> {
  const limit = await consumeRateLimit(db, {
    key: `similar:${clientIp}`,
    limit: submitPerHour * SIMILAR_PER_SUBMIT,
    windowSeconds: 3600,
  });
  if (!limit.allowed) return { type: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  const typed = await readTypedFields(uploadReaderOf(request));
  if (typed.type !== 'fields') return { type: typed.type };
  const text = `${typed.values.title ?? ''}\n${typed.values.body ?? ''}`;
  return { type: 'found', similar: await findSimilarPublished(db, planId, text), typed: typed.values };
}
