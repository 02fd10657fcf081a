import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { crashPoint } from '../../utils/crash-point.ts';
import { attachments, suggestionProposals, suggestions, suggestionSearch } from '../../../db/schema/index.ts';
import { proposeFor, recordProposal } from '../categorize/propose.server.ts';
import { assignThemesTo } from '../themes/assign-themes.server.ts';
import { linkNearDuplicates } from '../duplicates/link-duplicates.server.ts';
import { searchRowWithTokens } from '../search/index-suggestion.server.ts';
import { requestSettling } from '../duplicates/settle-groups.server.ts';
import { lockPlanLinking } from '../duplicates/plan-linking-lock.ts';

/**
 * The work that need not delay a receipt, done by the `suggestion-enrich` job
 * for each new suggestion whatever its channel: its search row, its
 * near-duplicate links (MinHash candidates, exact Jaccard), and the category
 * and tag proposal (stored, never applied, except an email's category that no
 * one chose, pre-filled and marked as proposed).
 *
 * One plan's suggestions are enriched one at a time (a transaction-scoped
 * advisory lock), so two copies that arrived at the same instant see each
 * other: the second to be enriched finds the first's fingerprint.
 *
 * Idempotent: run again, it writes the same search row and links, and keeps
 * the first proposal (and whatever a moderator did with it).
 */
export async function enrichSuggestion(db: Database, suggestionId: number): Promise<'enriched' | 'gone'> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ planId: suggestions.planId })
      .from(suggestions)
      .where(eq(suggestions.id, suggestionId));
    // Deleted before its job ran (a plan removed): nothing to do.
    if (!found) return 'gone';
    await lockPlanLinking(tx, found.planId);
    // Locked so that a moderator's category change waits for the pre-fill, not the other way round.
    const [suggestion] = await tx
      .select({
        id: suggestions.id,
        planId: suggestions.planId,
        categoryId: suggestions.categoryId,
        channel: suggestions.channel,
        title: suggestions.title,
        body: suggestions.body,
      })
      .from(suggestions)
      .where(eq(suggestions.id, suggestionId))
      .for('update');
    if (!suggestion) return 'gone';
    const files = await tx
      .select({ text: attachments.extractedText })
      .from(attachments)
      .where(eq(attachments.suggestionId, suggestionId))
      .orderBy(asc(attachments.id));

    const { row, tokens } = searchRowWithTokens({
      ...suggestion,
      attachmentText: files.flatMap((f) => (f.text ? [f.text] : [])),
    });
    await tx
      .insert(suggestionSearch)
      .values(row)
      .onConflictDoUpdate({
        target: suggestionSearch.suggestionId,
        set: {
          searchText: row.searchText,
          searchVector: row.searchVector,
          indexVersion: row.indexVersion,
          indexedAt: sql`now()`,
        },
      });
    crashPoint('enrich-while-processing');
    const linked = await linkNearDuplicates(tx, {
      id: suggestion.id,
      planId: suggestion.planId,
      searchText: row.searchText,
    });
    // The plan has doubled since some of its links were made: they are made again (decision 044).
    await requestSettling(tx, suggestion.planId, linked.documents);

    const proposed = await tx.$count(suggestionProposals, eq(suggestionProposals.suggestionId, suggestionId));
    if (proposed === 0) {
      const proposal = await proposeFor(tx, { planId: suggestion.planId, normalized: row.searchText, tokens });
      // Email is the one channel where no one chooses a category.
      const prefill = suggestion.channel === 'email' && suggestion.categoryId === null;
      await recordProposal(tx, { suggestionId, proposal, prefill });
    }
    // Accepted themes tag a new suggestion as soon as it is searchable (decision 047).
    await assignThemesTo(tx, { suggestionId, planId: suggestion.planId });
    // Takes the row out of the search sweep's partial index (decision 083).
    await tx
      .update(suggestions)
      .set({ enrichedAt: sql`now()` })
      .where(eq(suggestions.id, suggestionId));
    return 'enriched';
  });
}
