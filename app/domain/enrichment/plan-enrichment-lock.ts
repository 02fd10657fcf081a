import { sql } from 'drizzle-orm';
import type { Transaction } from '../../../db/client.server.ts';

// First key of the two-int advisory lock; the second is the plan id.
const PLAN_ENRICHMENT_LOCK = 41_041;

/**
 * Holds the plan's enrichment lock until the transaction ends: one plan's
 * suggestions are linked one at a time (a new copy must see the copy enriched
 * just before it), and a settling pass does not race them.
 */
export async function lockPlanEnrichment(tx: Transaction, planId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${PLAN_ENRICHMENT_LOCK}, ${planId}::int)`);
}
