import { and, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { suggestionContacts, suggestionFingerprints, suggestions } from '../../../db/schema/index.ts';

/**
 * How many distinct people sent the suggestions of one group of similar
 * suggestions (the campaign view, decision 032), by the contacts' blind
 * indexes: one email address, else one phone number, counts once; a
 * suggestion with neither counts once. Nothing is opened or returned but the
 * number, so it needs no permission beyond reading suggestions. Same limit as
 * countSubmitters: during a key rotation one person may count twice.
 */
export async function distinctSubmittersOfCluster(
  db: DbExecutor,
  { planId, clusterId }: { planId: number; clusterId: number },
): Promise<number> {
  const [row] = await db
    .select({
      count: sql<number>`count(distinct coalesce(encode(${suggestionContacts.emailIndex}, 'hex'), encode(${suggestionContacts.phoneIndex}, 'hex'), 'suggestion:' || ${suggestions.id}))::int`,
    })
    .from(suggestionFingerprints)
    .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
    .leftJoin(suggestionContacts, eq(suggestionContacts.suggestionId, suggestions.id))
    .where(and(eq(suggestionFingerprints.planId, planId), eq(suggestionFingerprints.clusterId, clusterId)));
  return row?.count ?? 0;
}
