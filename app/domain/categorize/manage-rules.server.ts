import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { categories, categoryRules } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { ModerationError } from '../authorization/moderation-error.ts';
import { splitList } from '../../utils/split-list.ts';

export async function listRules(db: Database, planId: number) {
  return db
    .select({
      id: categoryRules.id,
      keywords: categoryRules.keywords,
      categoryId: categoryRules.categoryId,
      categoryName: categories.name,
      tagName: categoryRules.tagName,
    })
    .from(categoryRules)
    .leftJoin(categories, eq(categories.id, categoryRules.categoryId))
    .where(eq(categoryRules.planId, planId))
    .orderBy(asc(categoryRules.id));
}

/** "师资，教师、人才引进" → three keywords; Chinese and Latin separators alike. */
export function splitKeywords(value: string): string[] {
  return splitList(value, { max: 50 });
}

export async function addRule(
  db: Database,
  {
    planId,
    keywords,
    categoryId,
    tagName,
    actor,
    ip,
  }: {
    planId: number;
    keywords: string[];
    categoryId: number | null;
    tagName: string | null;
    actor: Actor;
    ip?: string;
  },
) {
  assertPermission(actor, 'manage:plan:any');
  return db.transaction(async (tx) => {
    if (categoryId !== null) {
      const [category] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.id, categoryId), eq(categories.planId, planId)));
      if (!category) throw new ModerationError('other_plan');
    }
    const [rule] = await tx
      .insert(categoryRules)
      .values({ planId, keywords, categoryId, tagName })
      .returning({ id: categoryRules.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'plan.rule_added',
      targetType: 'plan',
      targetId: planId,
      details: { ruleId: rule!.id, keywords, categoryId, tagName },
      ip,
    });
    return rule!.id;
  });
}

export async function removeRule(
  db: Database,
  { planId, ruleId, actor, ip }: { planId: number; ruleId: number; actor: Actor; ip?: string },
) {
  assertPermission(actor, 'manage:plan:any');
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(categoryRules)
      .where(and(eq(categoryRules.id, ruleId), eq(categoryRules.planId, planId)))
      .returning({ keywords: categoryRules.keywords });
    if (removed.length === 0) return false;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'plan.rule_removed',
      targetType: 'plan',
      targetId: planId,
      details: { ruleId, keywords: removed[0]!.keywords },
      ip,
    });
    return true;
  });
}
