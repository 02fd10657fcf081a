import crypto from 'node:crypto';
import type { Database } from '../../db/client.server.ts';
import { enrichSuggestion } from '../../app/domain/enrichment/enrich-suggestion.server.ts';
import { submitSuggestion, type SubmitSuggestionInput } from '../../app/domain/suggestions/submit-suggestion.server.ts';

/**
 * A suggestion through the one intake function, as any channel would store
 * it, then enriched (search row, near-duplicate links, proposal) as its job
 * would do a moment later. `enrich: false` leaves it as the receipt left it.
 */
export async function createSuggestion(
  db: Database,
  planId: number,
  overrides: Partial<SubmitSuggestionInput> & { enrich?: boolean } = {},
) {
  const { enrich = true, ...input } = overrides;
  const saved = await submitSuggestion(db, {
    planId,
    channel: 'web',
    title: `意见 ${crypto.randomBytes(3).toString('hex')}`,
    body: '建议在规划中增加具体措施和时间表。',
    submitterType: '教职工',
    contact: { name: '张三丰', phone: '13812345678', email: 'zhang@example.edu.cn' },
    trackUrl: 'http://localhost/track',
    acknowledge: false,
    ...input,
  });
  if (enrich) await enrichSuggestion(db, saved.id);
  return saved;
}
