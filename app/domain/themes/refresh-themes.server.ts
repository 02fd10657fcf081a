import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { plans, suggestionSearch, suggestions, themes } from '../../../db/schema/index.ts';
import { maskContactsInText } from '../contacts/contacts-in-text.ts';
import { discoverThemes } from './discover-themes.ts';

/**
 * The newest suggestions a discovery reads. Bounded so that a plan with a
 * million suggestions costs the same as one with five thousand: a theme that
 * matters shows in the newest 5,000 (decision 047). About 2 s of jieba on one core.
 */
export const THEME_SAMPLE = 5000;

/**
 * Finds the plan's themes in its newest suggestions and records them as
 * proposed. The same group found again (same signature) updates a proposed
 * row; an accepted, rejected or merged theme keeps what moderators decided.
 */
export async function refreshThemes(db: DbExecutor, planId: number, sample = THEME_SAMPLE) {
  const rows = await db
    .select({ id: suggestions.id, text: suggestionSearch.searchText })
    .from(suggestions)
    .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestions.id))
    .where(
      and(
        eq(suggestions.planId, planId),
        notInArray(suggestions.status, ['spam', 'duplicate', 'pending_verification']),
      ),
    )
    .orderBy(desc(suggestions.id))
    .limit(sample);
  const found = discoverThemes(rows);
  for (const theme of found) {
    const signature = [...theme.terms.slice(0, 2)].sort().join('+');
    const values = {
      terms: theme.terms,
      representative: maskContactsInText(theme.representative),
      size: theme.members.length,
    };
    await db
      .insert(themes)
      .values({ planId, signature, label: theme.terms.slice(0, 3).join('、'), ...values })
      .onConflictDoUpdate({
        target: [themes.planId, themes.signature],
        set: { ...values, updatedAt: sql`now()` },
        setWhere: eq(themes.status, 'proposed'),
      });
  }
  return found.length;
}

/** Every open plan's themes: what the periodic job does (decision 047: while the consultation is open). */
export async function refreshOpenPlans(db: DbExecutor) {
  const open = await db
    .select({ id: plans.id })
    .from(plans)
    .where(inArray(plans.status, ['open']));
  let total = 0;
  for (const plan of open) total += await refreshThemes(db, plan.id);
  return total;
}
