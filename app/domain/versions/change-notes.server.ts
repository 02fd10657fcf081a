import { assertPermission, type Actor } from '../authorization/actor.ts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import {
  planVersionChangeSuggestions,
  planVersionChanges,
  planVersions,
  suggestions,
} from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.server.ts';
import { normalizeTrackingCode } from '../suggestions/tracking-code.ts';
import { compareSections, isChange } from './compare-sections.ts';
import { MAX_LINKED } from './limits.ts';
import { versionInfoColumns, versionSections } from './queries.server.ts';
import { splitList } from '../../utils/split-list.ts';

// 修改理由: per changed section of a version, a reason and the adopted
// suggestions that led to the change, entered by tracking code.

async function versionPair(db: Database, planId: number, number: number) {
  const rows = await db
    .select(versionInfoColumns)
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), inArray(planVersions.number, [number - 1, number])));
  const version = rows.find((r) => r.number === number);
  const previous = rows.find((r) => r.number === number - 1);
  return version && previous ? { version, previous } : null;
}

/** The changed sections of version `number` against the one before, with what staff recorded for each. */
export async function getVersionChangesForAdmin(
  db: Database,
  { planId, number, viewer }: { planId: number; number: number; viewer: Actor },
) {
  assertPermission(viewer, 'manage:plan:any');
  const pair = await versionPair(db, planId, number);
  if (!pair) return null;
  const [before, after] = await Promise.all([
    versionSections(db, pair.previous.id),
    versionSections(db, pair.version.id),
  ]);
  const rows = compareSections(before, after).filter(isChange);
  const notes = await db
    .select({
      sectionKey: planVersionChanges.sectionKey,
      reason: planVersionChanges.reason,
      code: suggestions.trackingCode,
    })
    .from(planVersionChanges)
    .leftJoin(planVersionChangeSuggestions, eq(planVersionChangeSuggestions.changeId, planVersionChanges.id))
    .leftJoin(suggestions, eq(suggestions.id, planVersionChangeSuggestions.suggestionId))
    .where(eq(planVersionChanges.versionId, pair.version.id))
    .orderBy(asc(suggestions.trackingCode));
  return {
    version: pair.version,
    rows: rows.map((row) => {
      const mine = notes.filter((n) => n.sectionKey === row.key);
      return { ...row, reason: mine[0]?.reason ?? '', codes: mine.flatMap((n) => (n.code ? [n.code] : [])) };
    }),
  };
}

export type CodeProblem = { code: string; problem: 'format' | 'not_found' | 'not_adopted' };
export type SaveNoteResult =
  | { ok: true }
  | { ok: false; error: 'not_found' | 'too_many' }
  | { ok: false; error: 'codes'; problems: CodeProblem[] };

/** Splits what the admin typed (spaces, commas, 、, new lines) into codes, keeping order and dropping repeats. */
export function splitCodes(text: string): string[] {
  return splitList(text, { byWhitespace: true });
}

export async function saveChangeNote(
  db: Database,
  {
    planId,
    number,
    sectionKey,
    reason,
    codes,
    viewer,
    ip,
  }: { planId: number; number: number; sectionKey: number; reason: string; codes: string; viewer: Actor; ip: string },
): Promise<SaveNoteResult> {
  assertPermission(viewer, 'manage:plan:any');
  const changes = await getVersionChangesForAdmin(db, { planId, number, viewer });
  if (!changes || !changes.rows.some((row) => row.key === sectionKey)) return { ok: false, error: 'not_found' };
  const typed = splitCodes(codes);
  if (typed.length > MAX_LINKED) return { ok: false, error: 'too_many' };
  const problems: CodeProblem[] = [];
  const wanted = new Map<string, string>();
  for (const code of typed) {
    const canonical = normalizeTrackingCode(code);
    if (canonical) wanted.set(canonical, code);
    else problems.push({ code, problem: 'format' });
  }
  const found = wanted.size
    ? await db
        .select({ id: suggestions.id, code: suggestions.trackingCode, status: suggestions.status })
        .from(suggestions)
        .where(and(eq(suggestions.planId, planId), inArray(suggestions.trackingCode, [...wanted.keys()])))
    : [];
  for (const [canonical, typedAs] of wanted) {
    const match = found.find((s) => s.code === canonical);
    // A code of another plan is "not found" here: links stay within one consultation.
    if (!match) problems.push({ code: typedAs, problem: 'not_found' });
    else if (match.status !== 'adopted' && match.status !== 'partially_adopted')
      problems.push({ code: canonical, problem: 'not_adopted' });
  }
  if (problems.length) return { ok: false, error: 'codes', problems };
  const versionId = changes.version.id;
  await db.transaction(async (tx) => {
    await tx
      .delete(planVersionChanges)
      .where(and(eq(planVersionChanges.versionId, versionId), eq(planVersionChanges.sectionKey, sectionKey)));
    if (reason || found.length) {
      const [change] = await tx
        .insert(planVersionChanges)
        .values({ versionId, sectionKey, reason })
        .returning({ id: planVersionChanges.id });
      if (found.length)
        await tx
          .insert(planVersionChangeSuggestions)
          .values(found.map((s) => ({ changeId: change!.id, suggestionId: s.id })));
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'plan.version_change_noted',
      targetType: 'plan',
      targetId: planId,
      details: { version: number, sectionKey, suggestionIds: found.map((s) => s.id) },
      ip,
    });
  });
  return { ok: true };
}
