import type postgres from 'postgres';
import type { Database } from '../../../db/client.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { rawClient } from '../exports/export-rows.server.ts';
import { MIN_REVIEWED_FOR_INTERVAL } from './proposal-accuracy-limits.ts';
import { wilsonInterval } from './wilson-interval.ts';

// How well the proposals (rules + classifier, decision 042) agree with what
// moderators finally set, measured live like i.AI Consult does: only over
// suggestions a moderator has reviewed, so the figure is never the system
// grading itself.
//
// "Reviewed" is one of:
// - the moderator answered the proposal (采纳建议 or 不予采纳), or
// - the moderator decided the suggestion (采纳 / 部分采纳 / 不予采纳): the
//   category it was decided under is the moderator's. A known limit: an email
//   whose category was pre-filled from the proposal and decided without a look
//   at the category counts as agreement (the page marks a pre-filled category
//   and asks to confirm it, so this needs a moderator to ignore that).
// Spam, duplicates and held posts are left out.

export type ProposalAccuracy = {
  /** Reviewed suggestions with a final category. */
  reviewed: number;
  /** Of those, how many got a category proposal at all (the rest were silent). */
  proposed: number;
  /** Proposals equal to the final category. A silent proposal counts as a miss. */
  correct: number;
  accuracy: number | null;
  /** 95% Wilson interval, from MIN_REVIEWED_FOR_INTERVAL reviewed on. */
  interval: { low: number; high: number } | null;
  /** Tags, micro-averaged over the reviewed suggestions. */
  tags: {
    proposed: number;
    final: number;
    agreed: number;
    precision: number | null;
    recall: number | null;
    f1: number | null;
  };
};

const reviewedRows = (sql: postgres.Sql, planId: number) => sql`
  select s.id, s.tracking_code, s.category_id as final_category, p.category_id as proposed_category,
    p.confidence, p.source, p.resolution, coalesce(p.resolved_at, s.decided_at) as reviewed_at,
    coalesce((select array_agg(t.name order by t.name) from suggestion_tags st join tags t on t.id = st.tag_id
      where st.suggestion_id = s.id), '{}') as final_tags,
    coalesce((select array_agg(x ->> 'name' order by x ->> 'name') from jsonb_array_elements(p.tags) x), '{}') as proposed_tags
  from suggestion_proposals p
  join suggestions s on s.id = p.suggestion_id
  where s.plan_id = ${planId}
    and s.status not in ('spam', 'duplicate', 'pending_verification')
    and (p.resolution is not null or s.status in ('adopted', 'partially_adopted', 'not_adopted'))`;

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export async function proposalAccuracy(
  db: Database,
  { viewer, planId }: { viewer: Actor; planId: number },
): Promise<ProposalAccuracy> {
  assertPermission(viewer, 'read:report:any');
  const sql = rawClient(db);
  const [row] = await sql<
    {
      reviewed: number;
      proposed: number;
      correct: number;
      tag_proposed: number;
      tag_final: number;
      tag_agreed: number;
    }[]
  >`
    with reviewed as (${reviewedRows(sql, planId)})
    select count(*) filter (where final_category is not null)::int as reviewed,
      count(*) filter (where final_category is not null and proposed_category is not null)::int as proposed,
      count(*) filter (where final_category is not null and proposed_category = final_category)::int as correct,
      coalesce(sum(cardinality(proposed_tags)), 0)::int as tag_proposed,
      coalesce(sum(cardinality(final_tags)), 0)::int as tag_final,
      coalesce(sum((select count(*) from unnest(proposed_tags) n where n = any(final_tags))), 0)::int as tag_agreed
    from reviewed`;
  const { reviewed, proposed, correct, tag_proposed, tag_final, tag_agreed } = row!;
  const precision = ratio(tag_agreed, tag_proposed);
  const recall = ratio(tag_agreed, tag_final);
  return {
    reviewed,
    proposed,
    correct,
    accuracy: ratio(correct, reviewed),
    interval: reviewed >= MIN_REVIEWED_FOR_INTERVAL ? wilsonInterval(correct, reviewed) : null,
    tags: {
      proposed: tag_proposed,
      final: tag_final,
      agreed: tag_agreed,
      precision,
      recall,
      f1:
        precision !== null && recall !== null && precision + recall > 0
          ? (2 * precision * recall) / (precision + recall)
          : null,
    },
  };
}

export type ReviewedProposal = {
  trackingCode: string;
  proposedCategory: string | null;
  confidence: number | null;
  source: string;
  finalCategory: string | null;
  resolution: 'accepted' | 'dismissed' | null;
  reviewedAt: Date | null;
  proposedTags: string[];
  finalTags: string[];
};

/**
 * Every reviewed suggestion with its proposal and final labels, for the audit
 * CSV: in key order, a page at a time, so a plan of any size streams.
 */
export async function* reviewedProposals(
  db: Database,
  { viewer, planId, pageSize = 1000 }: { viewer: Actor; planId: number; pageSize?: number },
): AsyncGenerator<ReviewedProposal[]> {
  assertPermission(viewer, 'read:report:any');
  const sql = rawClient(db);
  let after = 0;
  for (;;) {
    const rows = await sql<
      {
        id: string;
        tracking_code: string;
        proposed_name: string | null;
        final_name: string | null;
        confidence: number | null;
        source: string;
        resolution: 'accepted' | 'dismissed' | null;
        reviewed_at: string | Date | null;
        proposed_tags: string[];
        final_tags: string[];
      }[]
    >`
      with reviewed as (${reviewedRows(sql, planId)} and s.id > ${after} order by s.id limit ${pageSize})
      select r.id, r.tracking_code, pc.name as proposed_name, fc.name as final_name, r.confidence, r.source, r.resolution,
        r.reviewed_at, r.proposed_tags, r.final_tags
      from reviewed r
      left join categories pc on pc.id = r.proposed_category
      left join categories fc on fc.id = r.final_category
      order by r.id`;
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      trackingCode: r.tracking_code,
      proposedCategory: r.proposed_name,
      confidence: r.confidence,
      source: r.source,
      finalCategory: r.final_name,
      resolution: r.resolution,
      // The client hands timestamps back as text here; one Date either way.
      reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at),
      proposedTags: r.proposed_tags,
      finalTags: r.final_tags,
    }));
    if (rows.length < pageSize) return;
    after = Number(rows.at(-1)!.id);
  }
}
