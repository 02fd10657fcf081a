import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { DbExecutor } from '../../../db/client.server.ts';
import { outboxMessages, suggestions } from '../../../db/schema/index.ts';

/**
 * Retention: the address, props and bodies of mail already sent (or given up) to the
 * plan's submitters are removed; kind, subject, status and dates stay for the
 * reply-rate figures. Mail still waiting to go out is left to be delivered.
 */
export async function purgePlanOutbox(tx: DbExecutor, planId: number): Promise<number> {
  const purged = await tx
    .update(outboxMessages)
    .set({ toAddress: null, props: null, html: null, text: null })
    .where(
      and(
        ne(outboxMessages.status, 'pending'),
        isNotNull(outboxMessages.toAddress),
        inArray(
          outboxMessages.suggestionId,
          tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.planId, planId)),
        ),
      ),
    )
    .returning({ id: outboxMessages.id });
  return purged.length;
}
