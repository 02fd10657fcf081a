import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { plans, suggestionFingerprints, suggestions, suggestionSimilarities } from '../../../db/schema/index.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';

/** From this many linked near-duplicates on, a cluster is flagged as a possible organized campaign (批量雷同来信). */
export const CAMPAIGN_MIN_SIZE = 5;

/** "Similar suggestions (n)" on the detail page: every linked pair with its score, most similar first. */
export async function similarSuggestions(db: Database, { viewer, id }: { viewer: Actor; id: number }) {
  assertPermission(viewer, 'read:suggestion:any');
  const otherId = sql<number>`case when ${suggestionSimilarities.suggestionId} = ${id} then ${suggestionSimilarities.similarId} else ${suggestionSimilarities.suggestionId} end`;
  const rows = await db
    .select({
      id: suggestions.id,
      trackingCode: suggestions.trackingCode,
      title: suggestions.title,
      status: suggestions.status,
      duplicateOfId: suggestions.duplicateOfId,
      submittedAt: suggestions.submittedAt,
      score: suggestionSimilarities.score,
    })
    .from(suggestionSimilarities)
    .innerJoin(suggestions, eq(suggestions.id, otherId))
    .where(or(eq(suggestionSimilarities.suggestionId, id), eq(suggestionSimilarities.similarId, id)))
    .orderBy(desc(suggestionSimilarities.score), suggestions.id)
    .limit(100);
  const [own] = await db
    .select({ planId: suggestionFingerprints.planId, clusterId: suggestionFingerprints.clusterId })
    .from(suggestionFingerprints)
    .where(eq(suggestionFingerprints.suggestionId, id));
  const [sized] = own
    ? await db
        .select({ size: sql<number>`count(*)::int` })
        .from(suggestionFingerprints)
        .where(and(eq(suggestionFingerprints.planId, own.planId), eq(suggestionFingerprints.clusterId, own.clusterId)))
    : [];
  const cluster = own && sized ? { clusterId: own.clusterId, size: sized.size } : undefined;
  const [counted] = await db
    .select({ supporters: sql<number>`(1 + count(*))::int` })
    .from(suggestions)
    .where(and(eq(suggestions.duplicateOfId, id), eq(suggestions.status, 'duplicate')));
  return {
    similar: rows,
    supporters: counted?.supporters ?? 1,
    cluster: cluster && cluster.size > 1 ? { ...cluster, campaign: cluster.size >= CAMPAIGN_MIN_SIZE } : null,
  };
}

export type ClusterCursor = { size: number; clusterId: number };

/** A plan's clusters of near-duplicates, largest first, paged by key (size, cluster id). */
export async function clusterList(
  db: Database,
  { viewer, planId, after, size = 50 }: { viewer: Actor; planId: number; after?: ClusterCursor; size?: number },
) {
  assertPermission(viewer, 'read:suggestion:any');
  const members = sql<number>`count(*)::int`;
  const rows = await db
    .select({
      clusterId: suggestionFingerprints.clusterId,
      size: members,
      // Suggestions already marked as duplicates of another member.
      merged: sql<number>`(count(*) filter (where ${suggestions.status} = 'duplicate'))::int`,
      title: sql<string>`(array_agg(${suggestions.title} order by ${suggestions.id}))[1]`,
      firstId: sql<number>`min(${suggestions.id})::int`,
      from: sql<string>`min(${suggestions.submittedAt})`,
      to: sql<string>`max(${suggestions.submittedAt})`,
    })
    .from(suggestionFingerprints)
    .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
    .where(eq(suggestionFingerprints.planId, planId))
    .groupBy(suggestionFingerprints.clusterId)
    .having(
      and(
        sql`count(*) > 1`,
        after
          ? sql`(count(*), ${suggestionFingerprints.clusterId}) < (${after.size}::int, ${after.clusterId}::bigint)`
          : undefined,
      ),
    )
    .orderBy(desc(members), desc(suggestionFingerprints.clusterId))
    .limit(size + 1);
  const page = rows.slice(0, size).map((r) => ({ ...r, campaign: r.size >= CAMPAIGN_MIN_SIZE }));
  const last = page.at(-1);
  return { rows: page, next: rows.length > size && last ? { size: last.size, clusterId: last.clusterId } : null };
}

/** The members of one cluster, for the cluster page and for "mark all as duplicates". */
export async function clusterMembers(
  db: Database,
  { viewer, planId, clusterId }: { viewer: Actor; planId: number; clusterId: number },
) {
  assertPermission(viewer, 'read:suggestion:any');
  return db
    .select({
      id: suggestions.id,
      trackingCode: suggestions.trackingCode,
      title: suggestions.title,
      status: suggestions.status,
      channel: suggestions.channel,
      duplicateOfId: suggestions.duplicateOfId,
      submittedAt: suggestions.submittedAt,
      planTitle: plans.title,
    })
    .from(suggestionFingerprints)
    .innerJoin(suggestions, eq(suggestions.id, suggestionFingerprints.suggestionId))
    .innerJoin(plans, eq(plans.id, suggestions.planId))
    .where(and(eq(suggestionFingerprints.planId, planId), eq(suggestionFingerprints.clusterId, clusterId)))
    .orderBy(suggestions.id)
    .limit(2000);
}
