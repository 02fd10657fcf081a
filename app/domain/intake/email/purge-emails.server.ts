import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbExecutor } from '../../../../db/client.server.ts';
import { inboundEmails, suggestions } from '../../../../db/schema/index.ts';

/**
 * Retention: the raw message, its decoded text and HTML of every mail that became one of the
 * plan's suggestions or was assigned to the plan are removed. The row stays
 * (status, subject, dates, the link to its suggestion) so that counts and the
 * mail queue's history hold. Returns how many messages were purged.
 */
export async function purgePlanEmails(tx: DbExecutor, planId: number, now: Date): Promise<number> {
  const purged = await tx
    .update(inboundEmails)
    .set({ raw: null, rawHead: null, text: null, sanitizedHtml: null, maskedOriginals: null, contentPurgedAt: now })
    .where(
      and(
        isNull(inboundEmails.contentPurgedAt),
        or(
          eq(inboundEmails.planId, planId),
          inArray(
            inboundEmails.suggestionId,
            tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.planId, planId)),
          ),
        ),
      ),
    )
    .returning({ id: inboundEmails.id });
  return purged.length;
}
