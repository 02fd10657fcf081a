import { sql } from 'drizzle-orm';
import type { Transaction } from '../../../db/client.server.ts';

// First key of the two-int advisory lock; the second is the plan id.
const PLAN_LINKING_LOCK = 41_041;

/**
 * Holds the plan's linking lock until the transaction ends: one plan's
 * suggestions are linked one at a time (a new copy must see the copy linked
 * just before it), and a settling pass does not race them. Enrichment takes it
 * for its whole transaction.
 */
export async function lockPlanLinking(tx: Transaction, planId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${PLAN_LINKING_LOCK}, ${planId}::int)`);
}
