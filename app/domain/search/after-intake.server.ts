import type { Transaction } from '../../../db/client.server.ts';
import { suggestionSearch } from '../../../db/schema/index.ts';
import { linkNearDuplicates } from '../duplicates/link-duplicates.server.ts';
import { searchRow, type IndexSource } from './index-suggestion.server.ts';

/** Runs inside submitSuggestion's transaction for every new suggestion, whatever the channel. */
export async function afterIntake(tx: Transaction, source: IndexSource & { planId: number }) {
  await tx.insert(suggestionSearch).values(searchRow(source));
  await linkNearDuplicates(tx, source);
}
