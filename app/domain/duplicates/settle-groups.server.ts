import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database, DbExecutor, Transaction } from '../../../db/client.server.ts';
import { suggestionFingerprints, suggestions, suggestionSearch } from '../../../db/schema/index.ts';
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
// costs about 1.4 times the first linking. Once the plan's intake pauses, a
// quiet pass links every letter at the plan's current weights, so that what a
// moderator reads after a burst does not depend on the order the worker linked
// it in (decision 045).

/** A letter is re-linked once its plan holds this many times the letters it was linked against. */
export const RELINK_GROWTH = 2;
/**
 * A plan of up to this many letters is also settled at its current weights
 * once its intake pauses (decision 045): every letter linked again, so that
 * its groups no longer depend on the order its letters were linked in. At
 * about 0.1 s of the worker per letter (the bench's figure 6), that is up to
 * about ten minutes after each pause; a larger plan settles by doubling only,
 * and weights over thousands of letters move little between doublings.
 */
export const QUIET_SETTLE_MAX_LETTERS = 5_000;
// A letter whose enrichment failed longer ago than this no longer holds its plan's quiet pass back.
const UNENRICHED_BLOCKS_FOR = '1 day';
// Re-linked per transaction: the plan's enrichment waits for one batch at most.
const BATCH = 50;
// A settling job starts this long after the letter that asked for it, so that a burst is settled once.
const SETTLE_DELAY_SECONDS = 5;

/** Which letters a pass links again: those the plan has doubled since, or every one not linked at today's count. */
export type SettleScope = 'doubled' | 'current';

// linked × growth < documents (or linked < documents), as a range the (plan, linked_at) index serves.
const staleIn = (planId: number, documents: number, scope: SettleScope = 'doubled') =>
  and(
    eq(suggestionFingerprints.planId, planId),
    lt(
      suggestionFingerprints.linkedAtDocuments,
      scope === 'doubled' ? Math.ceil(documents / RELINK_GROWTH) : documents,
    ),
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
  if (await groupsSettling(tx, planId, documents))
    await enqueueJob(
      tx,
      QUEUES.settleGroups,
      { planId },
      { singletonKey: String(planId), startAfter: SETTLE_DELAY_SECONDS },
    );
  // The quiet pass has a key of its own, so that waiting for the pause never
  // holds back the doubling pass. The job finds out how long to wait.
  if (documents <= QUIET_SETTLE_MAX_LETTERS)
    await enqueueJob(
      tx,
      QUEUES.settleGroups,
      { planId, quiet: true },
      { singletonKey: quietSettlingKey(planId), startAfter: SETTLE_DELAY_SECONDS },
    );
}

/** The singleton key of a plan's quiet pass. */
export const quietSettlingKey = (planId: number) => `${planId}:quiet`;

/** How many of the plan's letters are not linked at its current weights: its groups are final when none is. */
export async function lettersNotAtCurrentWeights(db: DbExecutor, planId: number) {
  return db.$count(suggestionFingerprints, staleIn(planId, await planDocumentCount(db, planId), 'current'));
}

export type QuietState =
  | { state: 'current' }
  | { state: 'too-large'; documents: number }
  | { state: 'wait'; seconds: number }
  | { state: 'ready' };

/**
 * Whether the plan's quiet pass may run: its letters are not all linked at
 * its current weights, it is small enough, no letter arrived in the last
 * `quietSeconds`, and none waits for enrichment (each would change the
 * weights again).
 */
export async function quietSettlingState(db: DbExecutor, planId: number, quietSeconds: number): Promise<QuietState> {
  const documents = await planDocumentCount(db, planId);
  if (documents > QUIET_SETTLE_MAX_LETTERS) return { state: 'too-large', documents };
  const [notCurrent] = await db
    .select({ id: suggestionFingerprints.suggestionId })
    .from(suggestionFingerprints)
    .where(staleIn(planId, documents, 'current'))
    .limit(1);
  if (!notCurrent) return { state: 'current' };
  const [latest] = await db
    .select({ age: sql<number>`extract(epoch from now() - ${suggestions.createdAt})::float8` })
    .from(suggestions)
    .where(eq(suggestions.planId, planId))
    .orderBy(desc(suggestions.id))
    .limit(1);
  const [unenriched] = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(
      and(
        eq(suggestions.planId, planId),
        isNull(suggestions.enrichedAt),
        sql`${suggestions.createdAt} > now() - ${UNENRICHED_BLOCKS_FOR}::interval`,
      ),
    )
    .limit(1);
  const age = Number(latest?.age ?? quietSeconds);
  if (age < quietSeconds || unenriched) return { state: 'wait', seconds: Math.max(1, Math.ceil(quietSeconds - age)) };
  return { state: 'ready' };
}

/**
 * Re-links up to one batch of the plan's stale letters (by `scope`), oldest links first,
 * and rebuilds the groups they were in or joined. Returns whether more wait.
 */
export async function settlePlanGroups(
  db: Database,
  planId: number,
  { limit = BATCH, scope = 'doubled' }: { limit?: number; scope?: SettleScope } = {},
) {
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
      .where(staleIn(planId, documents, scope))
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
