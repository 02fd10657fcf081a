import type { Transaction } from '../../../db/client.server.ts';
import { suggestionSearch } from '../../../db/schema/index.ts';
import { proposeFor, recordProposal } from '../categorize/propose.server.ts';
import { linkNearDuplicates } from '../duplicates/link-duplicates.server.ts';
import { searchRowWithTokens, type IndexSource } from './index-suggestion.server.ts';

type NewSuggestion = IndexSource & { planId: number; categoryId: number | null; prefillCategory: boolean };

/**
 * Runs inside submitSuggestion's transaction for every new suggestion,
 * whatever the channel: the search index, near-duplicate links, and the
 * category and tag proposal (stored, never applied, except an email's
 * unknown category, pre-filled and marked as proposed).
 */
export async function afterIntake(tx: Transaction, source: NewSuggestion) {
  const { row, tokens } = searchRowWithTokens(source);
  await tx.insert(suggestionSearch).values(row);
  await linkNearDuplicates(tx, { id: source.id, planId: source.planId, searchText: row.searchText });
  const proposal = await proposeFor(tx, { planId: source.planId, normalized: row.searchText, tokens });
  await recordProposal(tx, {
    suggestionId: source.id,
    proposal,
    prefill: source.prefillCategory && source.categoryId === null,
  });
}
