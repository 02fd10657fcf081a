import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database, DbExecutor, Transaction } from '../../../db/client.server.ts';
import { suggestionFingerprints, suggestionSearch } from '../../../db/schema/index.ts';
import { planDocumentCount } from './content-words.server.ts';
import { lockPlanLinking } from './plan-linking-lock.ts';
import { enqueueJob } from '../jobs/enqueue-job.server.ts';
import { QUEUES } from '../jobs/queues.ts';
import { linkNearDuplicates } from './link-duplicates.server.ts';

// Links are made once, when a suggestion is enriched, with the plan's IDF
// weights and candidates of that moment. A letter enriched among the first few
// of a campaign was weighed against a plan a fraction of today's size, and the
// groups came out depending on the order in which letters arrived (an opposing
// letter merged into its campaign in one order, not in another). Links made
// when the plan had less than half of its letters are made again, and the
// groups they touch are rebuilt from the links (decision 044). Each letter is
// re-linked about once per doubling of its plan: over a plan's life, settling
// costs about 1.4 times the first linking.

/** A letter is re-linked once its plan holds this many times the letters it was linked against. */
export const RELINK_GROWTH = 2;
// Re-linked per transaction: the plan's enrichment waits for one batch at most.
const BATCH = 50;
// A settling job starts this long after the letter that asked for it, so that a burst is settled once.
const SETTLE_DELAY_SECONDS = 5;

// linked × growth < documents, as a range the (plan, linked_at) index serves.
const staleIn = (planId: number, documents: number) =>
  and(
    eq(suggestionFingerprints.planId, planId),
    lt(suggestionFingerprints.linkedAtDocuments, Math.ceil(documents / RELINK_GROWTH)),
  );

/** How many of the plan's letters wait to be linked again: groups may still change while any do. */
export async function lettersAwaitingSettling(db: DbExecutor, planId: number) {
  return db.$count(suggestionFingerprints, staleIn(planId, await planDocumentCount(db, planId)));
}

/**
 * Whether any of the plan's letters waits to be linked again (one index
 * probe, for the groups page). `documents`: the plan's letter count, when the
 * caller has just read it.
 */
export async function groupsSettling(db: DbExecutor, planId: number, documents?: number) {
  const [stale] = await db
    .select({ id: suggestionFingerprints.suggestionId })
    .from(suggestionFingerprints)
    .where(staleIn(planId, documents ?? (await planDocumentCount(db, planId))))
    .limit(1);
  return stale !== undefined;
}

/**
 * Queues the plan's settling job when some of its links are stale. The job is
 * stately per plan (one waiting, one running), so a burst of letters queues it
 * once. Called in the enrichment's transaction, with the letter count its
 * linking read.
 */
export async function requestSettling(tx: Transaction, planId: number, documents: number) {
  if (!(await groupsSettling(tx, planId, documents))) return;
  await enqueueJob(
    tx,
    QUEUES.settleGroups,
    { planId },
    { singletonKey: String(planId), startAfter: SETTLE_DELAY_SECONDS },
  );
}

/**
 * Re-links up to one batch of the plan's stale letters, oldest links first,
 * and rebuilds the groups they were in or joined. Returns whether more wait.
 */
export async function settlePlanGroups(db: Database, planId: number, { limit = BATCH } = {}) {
  return db.transaction(async (tx) => {
    await lockPlanLinking(tx, planId);
    const documents = await planDocumentCount(tx, planId);
    const stale = await tx
      .select({
        id: suggestionFingerprints.suggestionId,
        clusterId: suggestionFingerprints.clusterId,
        searchText: suggestionSearch.searchText,
      })
      .from(suggestionFingerprints)
      .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestionFingerprints.suggestionId))
      .where(staleIn(planId, documents))
      .orderBy(suggestionFingerprints.linkedAtDocuments, suggestionFingerprints.suggestionId)
      .limit(limit + 1);
    const batch = stale.slice(0, limit);
    const touched = new Set(batch.map((r) => r.clusterId));
    for (const row of batch) {
      const linked = await linkNearDuplicates(tx, { id: row.id, planId, searchText: row.searchText });
      touched.add(linked.clusterId);
    }
    const regrouped = await regroupClusters(tx, planId, [...touched]);
    return { relinked: batch.length, regrouped, more: stale.length > limit };
  });
}

/**
 * Rebuilds the given groups as the connected parts of their links: a letter
 * whose only link was dropped leaves its group, and a group that lost its
 * bridge splits in two. Each part takes its smallest id, as linking does.
 * Every merge made while linking named its group with an id in `clusterIds`.
 */
export async function regroupClusters(tx: Transaction, planId: number, clusterIds: number[]) {
  if (clusterIds.length === 0) return 0;
  const members = await tx
    .select({ id: suggestionFingerprints.suggestionId, clusterId: suggestionFingerprints.clusterId })
    .from(suggestionFingerprints)
    .where(
      and(
        eq(suggestionFingerprints.planId, planId),
        sql`${suggestionFingerprints.clusterId} = any(${sql.param(clusterIds)}::bigint[])`,
      ),
    );
  const links = await tx.execute<{ a: string; b: string }>(sql`
    select s.suggestion_id as a, s.similar_id as b
    from suggestion_similarities s
    join suggestion_fingerprints f on f.suggestion_id = s.suggestion_id
    where f.plan_id = ${planId} and f.cluster_id = any(${sql.param(clusterIds)}::bigint[])`);

  const parent = new Map(members.map((m) => [m.id, m.id]));
  const root = (id: number): number => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    // Path compression keeps a campaign of many thousand copies near linear.
    for (let x = id; x !== r;) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const l of links) {
    const [a, b] = [Number(l.a), Number(l.b)];
    if (!parent.has(a) || !parent.has(b)) continue;
    const [ra, rb] = [root(a), root(b)];
    // The smaller root wins, so each part's root is its smallest id.
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const changed = members.filter((m) => root(m.id) !== m.clusterId);
  if (changed.length === 0) return 0;
  await tx.execute(sql`
    update suggestion_fingerprints f set cluster_id = v.cluster_id
    from unnest(${sql.param(changed.map((m) => m.id))}::bigint[], ${sql.param(changed.map((m) => root(m.id)))}::bigint[])
      as v(suggestion_id, cluster_id)
    where f.suggestion_id = v.suggestion_id`);
  return changed.length;
}
