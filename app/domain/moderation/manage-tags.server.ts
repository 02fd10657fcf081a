import { assertPermission, type Actor } from '../authorization/actor.ts';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { suggestionTags, tags } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { normalizeTagName } from './tags.server.ts';

// Admins tidy a plan's tags: moderators create them freely while tagging, so
// spellings drift (食堂 / 饭堂) and need merging, renaming or removing.

export async function listPlanTags(db: Database, planId: number) {
  return db
    .select({ id: tags.id, name: tags.name, uses: count(suggestionTags.suggestionId) })
    .from(tags)
    .leftJoin(suggestionTags, eq(suggestionTags.tagId, tags.id))
    .where(eq(tags.planId, planId))
    .groupBy(tags.id)
    .orderBy(asc(tags.name));
}

export type TagChange =
  | { kind: 'add'; name: string }
  | { kind: 'rename'; tagId: number; name: string }
  | { kind: 'merge'; tagId: number; intoTagId: number }
  | { kind: 'delete'; tagId: number };

export class TagNameTakenError extends Error {}

/**
 * One change to a plan's tags, in one transaction with its audit entry.
 * Merging moves every suggestion's tag to the kept one (a suggestion tagged
 * with both keeps one row) and deletes the merged tag. Returns false when a
 * tag is not in this plan.
 */
export async function changeTags(
  db: Database,
  { planId, change, viewer, ip }: { planId: number; change: TagChange; viewer: Actor; ip: string },
): Promise<boolean> {
  assertPermission(viewer, 'manage:plan:any');
  return db.transaction(async (tx) => {
    const inPlan = async (id: number) =>
      (
        await tx
          .select({ id: tags.id })
          .from(tags)
          .where(and(eq(tags.id, id), eq(tags.planId, planId)))
      ).length === 1;
    const audit = (action: string, details: Record<string, unknown>) =>
      recordAudit(tx, { actorId: viewer.id, action, targetType: 'plan', targetId: planId, details, ip });
    switch (change.kind) {
      case 'add': {
        const [created] = await tx
          .insert(tags)
          .values({ planId, name: normalizeTagName(change.name) })
          .onConflictDoNothing()
          .returning({ id: tags.id });
        if (!created) throw new TagNameTakenError();
        await audit('tag.created', { tagId: created.id });
        return true;
      }
      case 'rename': {
        if (!(await inPlan(change.tagId))) return false;
        const name = normalizeTagName(change.name);
        const [clash] = await tx
          .select({ id: tags.id })
          .from(tags)
          .where(and(eq(tags.planId, planId), eq(tags.name, name)));
        if (clash && clash.id !== change.tagId) throw new TagNameTakenError();
        await tx.update(tags).set({ name }).where(eq(tags.id, change.tagId));
        await audit('tag.renamed', { tagId: change.tagId });
        return true;
      }
      case 'merge': {
        if (change.tagId === change.intoTagId || !(await inPlan(change.tagId)) || !(await inPlan(change.intoTagId)))
          return false;
        const uses = await tx.$count(suggestionTags, eq(suggestionTags.tagId, change.tagId));
        await tx.execute(sql`
          insert into suggestion_tags (suggestion_id, tag_id)
          select suggestion_id, ${change.intoTagId} from suggestion_tags where tag_id = ${change.tagId}
          on conflict do nothing`);
        await tx.delete(tags).where(eq(tags.id, change.tagId));
        await audit('tag.merged', { tagId: change.tagId, intoTagId: change.intoTagId, suggestions: uses });
        return true;
      }
      case 'delete': {
        if (!(await inPlan(change.tagId))) return false;
        const uses = await tx.$count(suggestionTags, eq(suggestionTags.tagId, change.tagId));
        await tx.delete(tags).where(eq(tags.id, change.tagId));
        await audit('tag.deleted', { tagId: change.tagId, suggestions: uses });
        return true;
      }
    }
  });
}
