import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { categories, outboxMessages, suggestionRatings, suggestions } from '../../../db/schema/index.ts';

export type SatisfactionRow = {
  category: string | null;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
};
export type ReportFigures = {
  /** Suggestions counted (spam and duplicates left out, as in the counts table). */
  total: number;
  /** Decided and answered: a public reply, or a reply or decision email to the submitter. */
  replied: number;
  /** Median days from submission to decision, over decided suggestions; null before the first. */
  medianDaysToDecision: number | null;
  satisfaction: SatisfactionRow[];
};

const decided = sql`${suggestions.status} in ('adopted', 'partially_adopted', 'not_adopted')`;

/**
 * The adoption report's additions (《重大行政决策程序暂行条例》 Art. 29/32,
 * 《信访工作条例》 Art. 29): the reply rate, the median time to decision and
 * the satisfaction counts by category. Aggregates only.
 */
export async function reportFigures(db: Database, planId: number): Promise<ReportFigures> {
  const counted = and(eq(suggestions.planId, planId), notInArray(suggestions.status, ['spam', 'duplicate']));
  const answered = sql`(${suggestions.publicReply} is not null or exists (select 1 from ${outboxMessages} where ${outboxMessages.suggestionId} = ${suggestions.id} and ${outboxMessages.kind} in ('staff_reply', 'decision')))`;
  const rated = (level: string) => sql<number>`(count(*) filter (where ${suggestionRatings.rating} = ${level}))::int`;
  const [[totals], satisfaction] = await Promise.all([
    db
      .select({
        total: sql<number>`count(*)::int`,
        replied: sql<number>`(count(*) filter (where ${decided} and ${answered}))::int`,
        median: sql<
          number | null
        >`(percentile_cont(0.5) within group (order by extract(epoch from ${suggestions.decidedAt} - ${suggestions.submittedAt}) / 86400) filter (where ${decided} and ${suggestions.decidedAt} is not null))::float8`,
      })
      .from(suggestions)
      .where(counted),
    db
      .select({
        category: categories.name,
        satisfied: rated('satisfied'),
        basicallySatisfied: rated('basically_satisfied'),
        dissatisfied: rated('dissatisfied'),
      })
      .from(suggestionRatings)
      .innerJoin(suggestions, eq(suggestions.id, suggestionRatings.suggestionId))
      .leftJoin(categories, eq(categories.id, suggestions.categoryId))
      .where(counted)
      .groupBy(categories.id)
      .orderBy(sql`min(${categories.position}) nulls last`),
  ]);
  const median = totals?.median;
  return {
    total: totals?.total ?? 0,
    replied: totals?.replied ?? 0,
    medianDaysToDecision: median == null ? null : Math.round(Number(median) * 10) / 10,
    satisfaction,
  };
}
