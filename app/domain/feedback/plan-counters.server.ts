import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { suggestions } from '../../../db/schema/index.ts';
import { countSubmitters } from '../contacts/contacts.server.ts';

export type PlanCounters = { submitters: number; suggestions: number };

/**
 * The plan page's public counters, as the NPC's draft-law pages show them
 * (参与人数 / 意见条数). Spam and suggestions held for verification (待核验)
 * are left out until a person has looked at them.
 */
export async function planCounters(db: Database, planId: number): Promise<PlanCounters> {
  const [[row], submitters] = await Promise.all([
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(suggestions)
      .where(and(eq(suggestions.planId, planId), notInArray(suggestions.status, ['spam', 'pending_verification']))),
    countSubmitters(db, planId),
  ]);
  return { submitters, suggestions: row?.count ?? 0 };
}
