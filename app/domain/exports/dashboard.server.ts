import type { Database } from '../../../db/client.server.ts';
import type { SuggestionChannel, SuggestionStatus } from './export-filter.ts';
import { rawClient } from './export-rows.server.ts';

// The staff dashboard of a plan. Each table is one GROUP BY over the plan's
// suggestions, found through suggestions_plan_id_idx (per day:
// suggestions_plan_submitted_idx); shares are computed here from the total.

export type CountRow<K> = { key: K; label: string; count: number; share: number };
export type AdoptionRow = { label: string; decided: number; adopted: number; partiallyAdopted: number; rate: number };
export type PlanDashboard = {
  /** Suggestions counted: neither spam nor duplicates. */
  total: number;
  /** Spam and duplicates, shown apart. */
  excluded: number;
  byStatus: CountRow<SuggestionStatus>[];
  byCategory: CountRow<number | null>[];
  bySection: CountRow<number | null>[];
  byChannel: CountRow<SuggestionChannel>[];
  bySubmitterType: CountRow<string>[];
  perDay: { day: string; count: number }[];
  adoptionByCategory: AdoptionRow[];
  topTags: { label: string; count: number }[];
  /** Submitters' ratings of the handling (issue 10), by category. */
  satisfactionByCategory: {
    label: string;
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    rated: number;
  }[];
};

type Grouped<K> = { key: K; label: string | null; count: number };

export async function planDashboard(db: Database, planId: number, { topTagCount = 10 } = {}): Promise<PlanDashboard> {
  const sql = rawClient(db);
  const counted = sql`status not in ('spam', 'duplicate')`;
  const countedS = sql`s.status not in ('spam', 'duplicate')`;
  const [byStatus, byCategory, bySection, byChannel, bySubmitterType, perDay, adoption, topTags, satisfaction] =
    await Promise.all([
      sql<Grouped<SuggestionStatus>[]>`select status as key, status::text as label, count(*)::int as count
      from suggestions where plan_id = ${planId} group by status order by status`,
      sql<
        (Grouped<number | null> & { position: number | null })[]
      >`select c.id as key, c.name as label, count(*)::int as count
      from suggestions s left join categories c on c.id = s.category_id
      where s.plan_id = ${planId} and ${countedS} group by c.id order by min(c.position) nulls last`,
      sql<
        Grouped<number | null>[]
      >`select sec.id as key, nullif(trim(sec.number || case when sec.number ~ '[、.．]$' then '' else ' ' end || sec.heading), '') as label, count(*)::int as count
      from suggestions s left join plan_sections sec on sec.id = s.section_id
      where s.plan_id = ${planId} and ${countedS} group by sec.id order by min(sec.position) nulls last`,
      sql<Grouped<SuggestionChannel>[]>`select channel as key, channel::text as label, count(*)::int as count
      from suggestions where plan_id = ${planId} and ${counted} group by channel order by count desc, channel`,
      sql<Grouped<string>[]>`select submitter_type as key, submitter_type as label, count(*)::int as count
      from suggestions where plan_id = ${planId} and ${counted} group by submitter_type order by count desc, submitter_type`,
      sql<
        { day: string; count: number }[]
      >`select to_char((submitted_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day, count(*)::int as count
      from suggestions where plan_id = ${planId} and ${counted} group by 1 order by 1`,
      sql<
        { label: string | null; decided: number; adopted: number; partially_adopted: number }[]
      >`select c.name as label,
        count(*) filter (where s.status in ('adopted', 'partially_adopted', 'not_adopted'))::int as decided,
        count(*) filter (where s.status = 'adopted')::int as adopted,
        count(*) filter (where s.status = 'partially_adopted')::int as partially_adopted
      from suggestions s left join categories c on c.id = s.category_id
      where s.plan_id = ${planId} group by c.id order by min(c.position) nulls last`,
      sql<{ label: string; count: number }[]>`select t.name as label, count(*)::int as count
      from suggestion_tags st join tags t on t.id = st.tag_id join suggestions s on s.id = st.suggestion_id
      where t.plan_id = ${planId} and ${countedS} group by t.id order by count desc, t.name limit ${topTagCount}`,
      sql<
        { label: string | null; satisfied: number; basically_satisfied: number; dissatisfied: number; rated: number }[]
      >`select c.name as label,
        count(*) filter (where r.rating = 'satisfied')::int as satisfied,
        count(*) filter (where r.rating = 'basically_satisfied')::int as basically_satisfied,
        count(*) filter (where r.rating = 'dissatisfied')::int as dissatisfied,
        count(*)::int as rated
      from suggestions s join suggestion_ratings r on r.suggestion_id = s.id left join categories c on c.id = s.category_id
      where s.plan_id = ${planId} group by c.id order by min(c.position) nulls last`,
    ]);
  const all = byStatus.reduce((sum, row) => sum + row.count, 0);
  const excluded = byStatus
    .filter((row) => row.key === 'spam' || row.key === 'duplicate')
    .reduce((sum, row) => sum + row.count, 0);
  const total = all - excluded;
  const sharesOf =
    (whole: number) =>
    <K>(rows: Grouped<K>[]): CountRow<K>[] =>
      rows.map((row) => ({
        key: row.key,
        label: row.label ?? '',
        count: row.count,
        share: whole === 0 ? 0 : row.count / whole,
      }));
  const withShare = sharesOf(total);
  return {
    total,
    excluded,
    byStatus: sharesOf(all)(byStatus),
    byCategory: withShare(byCategory.map(({ key, label, count }) => ({ key, label, count }))),
    bySection: withShare(bySection),
    byChannel: withShare(byChannel),
    bySubmitterType: withShare(bySubmitterType),
    perDay: [...perDay],
    adoptionByCategory: adoption.map((row) => ({
      label: row.label ?? '',
      decided: row.decided,
      adopted: row.adopted,
      partiallyAdopted: row.partially_adopted,
      rate: row.decided === 0 ? 0 : (row.adopted + row.partially_adopted) / row.decided,
    })),
    topTags: [...topTags],
    satisfactionByCategory: satisfaction.map((row) => ({
      label: row.label ?? '',
      satisfied: row.satisfied,
      basicallySatisfied: row.basically_satisfied,
      dissatisfied: row.dissatisfied,
      rated: row.rated,
    })),
  };
}
