import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { suggestionTags, tags, themes } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { enqueueJob } from '../jobs/enqueue-job.server.ts';
import { QUEUES } from '../jobs/queues.ts';
import { ensureTags, normalizeTagName } from '../moderation/tags.server.ts';

// Moderators decide themes (decision 047): accept (the theme becomes a tag,
// and a job tags the plan's existing suggestions), rename (theme and tag),
// merge one theme into another (its suggestions follow), or reject. Every
// act checks the permission and that both themes belong to the plan named in
// the request, here in the domain, whatever the form posted.

export type ThemeError = 'not_found' | 'not_proposed' | 'name_taken' | 'same_theme';
export class ThemeActionError extends Error {
  constructor(readonly reason: ThemeError) {
    super(reason);
  }
}

export async function listThemes(db: Database, { planId, viewer }: { planId: number; viewer: Actor }) {
  assertPermission(viewer, 'read:suggestion:any');
  return db
    .select({
      id: themes.id,
      status: themes.status,
      label: themes.label,
      terms: themes.terms,
      representative: themes.representative,
      size: themes.size,
      mergedIntoId: themes.mergedIntoId,
      tagged: sql<number>`(select count(*) from ${suggestionTags} st where st.tag_id = ${themes.tagId})::int`,
    })
    .from(themes)
    .where(eq(themes.planId, planId))
    .orderBy(
      asc(sql`case ${themes.status} when 'proposed' then 0 when 'accepted' then 1 else 2 end`),
      desc(themes.size),
    );
}

type Act = { planId: number; themeId: number; actor: Actor; ip?: string };

async function themeInPlan(tx: DbExecutor, planId: number, themeId: number) {
  const [theme] = await tx
    .select()
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.planId, planId)))
    .for('update');
  if (!theme) throw new ThemeActionError('not_found');
  return theme;
}

async function tagNameFree(tx: DbExecutor, planId: number, name: string, ownTagId: number | null) {
  const [clash] = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.planId, planId), eq(tags.name, name)));
  // Accepting as an existing tag's name would silently join two meanings.
  if (clash && clash.id !== ownTagId) throw new ThemeActionError('name_taken');
}

export async function acceptTheme(db: Database, { planId, themeId, actor, ip, label }: Act & { label?: string }) {
  assertPermission(actor, 'moderate:suggestion:any');
  return db.transaction(async (tx) => {
    const theme = await themeInPlan(tx, planId, themeId);
    if (theme.status !== 'proposed') throw new ThemeActionError('not_proposed');
    const name = normalizeTagName(label || theme.label);
    await tagNameFree(tx, planId, name, null);
    const [tagId] = await ensureTags(tx, planId, [name]);
    await tx
      .update(themes)
      .set({
        status: 'accepted',
        label: name,
        tagId,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(themes.id, themeId));
    await enqueueJob(tx, QUEUES.assignTheme, { themeId });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'theme.accepted',
      targetType: 'plan',
      targetId: planId,
      details: { themeId, tagId },
      ip,
    });
  });
}

export async function renameTheme(db: Database, { planId, themeId, actor, ip, label }: Act & { label: string }) {
  assertPermission(actor, 'moderate:suggestion:any');
  return db.transaction(async (tx) => {
    const theme = await themeInPlan(tx, planId, themeId);
    const name = normalizeTagName(label);
    if (theme.tagId !== null) {
      await tagNameFree(tx, planId, name, theme.tagId);
      await tx.update(tags).set({ name }).where(eq(tags.id, theme.tagId));
    }
    await tx
      .update(themes)
      .set({ label: name, updatedAt: sql`now()` })
      .where(eq(themes.id, themeId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'theme.renamed',
      targetType: 'plan',
      targetId: planId,
      details: { themeId },
      ip,
    });
  });
}

/** Merges a proposed or accepted theme into another of the same plan; the result is accepted, with the suggestions of both. */
export async function mergeTheme(db: Database, { planId, themeId, actor, ip, intoId }: Act & { intoId: number }) {
  assertPermission(actor, 'moderate:suggestion:any');
  if (themeId === intoId) throw new ThemeActionError('same_theme');
  return db.transaction(async (tx) => {
    // Locked in id order, so that two opposite merges cannot deadlock.
    const [first, second] = themeId < intoId ? [themeId, intoId] : [intoId, themeId];
    const a = await themeInPlan(tx, planId, first);
    const b = await themeInPlan(tx, planId, second);
    const [from, into] = a.id === themeId ? [a, b] : [b, a];
    if (!['proposed', 'accepted'].includes(from.status) || !['proposed', 'accepted'].includes(into.status))
      throw new ThemeActionError('not_proposed');
    let tagId = into.tagId;
    if (into.status === 'proposed' || tagId === null) {
      const name = normalizeTagName(into.label);
      await tagNameFree(tx, planId, name, null);
      tagId = (await ensureTags(tx, planId, [name]))[0] ?? null;
    }
    if (from.tagId !== null) {
      await tx.execute(sql`
        insert into suggestion_tags (suggestion_id, tag_id)
        select suggestion_id, ${tagId} from suggestion_tags where tag_id = ${from.tagId}
        on conflict do nothing`);
      await tx.delete(tags).where(eq(tags.id, from.tagId));
    }
    await tx
      .update(themes)
      .set({
        status: 'merged',
        mergedIntoId: into.id,
        tagId: null,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(themes.id, from.id));
    await tx
      .update(themes)
      .set({ status: 'accepted', tagId, decidedBy: actor.id, decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(themes.id, into.id));
    await enqueueJob(tx, QUEUES.assignTheme, { themeId: into.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'theme.merged',
      targetType: 'plan',
      targetId: planId,
      details: { themeId, intoId },
      ip,
    });
  });
}

export async function rejectTheme(db: Database, { planId, themeId, actor, ip }: Act) {
  assertPermission(actor, 'moderate:suggestion:any');
  return db.transaction(async (tx) => {
    const theme = await themeInPlan(tx, planId, themeId);
    if (theme.status !== 'proposed') throw new ThemeActionError('not_proposed');
    await tx
      .update(themes)
      .set({ status: 'rejected', decidedBy: actor.id, decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(themes.id, themeId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'theme.rejected',
      targetType: 'plan',
      targetId: planId,
      details: { themeId },
      ip,
    });
  });
}
