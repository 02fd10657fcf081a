import { and, asc, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import {
  planVersionChangeSuggestions,
  planVersionChanges,
  planVersionSections,
  planVersions,
  plans,
  suggestions,
} from '../../../db/schema/index.ts';
import { compareSections, isChange, type SectionComparison, type VersionSection } from './compare-sections.ts';
import { publicLinkedSuggestion, type PublicLinkedSuggestion } from './public-suggestion.ts';
import { publicNames } from '../contacts/contacts.server.ts';

// Public queries of plan versions. Everything here is public text (the plan's
// versions and the moderators' reasons and summaries); contact details live in
// a table nothing here touches.

const publicStatuses = ['open', 'closed', 'archived'] as const;

export type VersionInfo = { id: number; number: number; note: string; publishedAt: Date };

/** What a VersionInfo is read from, wherever versions are listed or paired. */
export const versionInfoColumns = {
  id: planVersions.id,
  number: planVersions.number,
  note: planVersions.note,
  publishedAt: planVersions.publishedAt,
};

export async function getVersionedPlan(db: Database, slug: string) {
  const [plan] = await db
    .select({ id: plans.id, slug: plans.slug, title: plans.title, organizer: plans.organizer })
    .from(plans)
    .where(and(eq(plans.slug, slug), inArray(plans.status, [...publicStatuses])));
  if (!plan) return null;
  const versions: VersionInfo[] = await db
    .select(versionInfoColumns)
    .from(planVersions)
    .where(eq(planVersions.planId, plan.id))
    .orderBy(asc(planVersions.number));
  return { plan, versions };
}

export async function versionSections(db: Database, versionId: number): Promise<VersionSection[]> {
  const v = planVersionSections;
  return db
    .select({
      sectionKey: v.sectionKey,
      position: v.position,
      level: v.level,
      number: v.number,
      heading: v.heading,
      bodyMarkdown: v.bodyMarkdown,
    })
    .from(v)
    .where(eq(v.versionId, versionId))
    .orderBy(asc(v.position));
}

export type ChangeNote = { version: number; reason: string; suggestions: PublicLinkedSuggestion[] };
export type ComparisonRow = SectionComparison & { notes: ChangeNote[] };

/**
 * The 修改对照表 between two versions of one plan: the changed sections, each
 * with the reasons and linked suggestions recorded for the versions after
 * `from` up to `to`. `from` must be the earlier version.
 */
export async function getComparison(
  db: Database,
  { planId, from, to }: { planId: number; from: VersionInfo; to: VersionInfo },
) {
  const [before, after] = await Promise.all([versionSections(db, from.id), versionSections(db, to.id)]);
  const rows = compareSections(before, after);
  const notes = await changeNotes(db, planId, from.number, to.number);
  const changed: ComparisonRow[] = rows.filter(isChange).map((row) => ({
    ...row,
    notes: notes.filter((n) => row.keys.includes(n.sectionKey)).map(({ sectionKey: _, ...note }) => note),
  }));
  return { rows: changed, unchanged: rows.length - changed.length };
}

async function changeNotes(db: Database, planId: number, fromNumber: number, toNumber: number) {
  const rows = await db
    .select({
      changeId: planVersionChanges.id,
      version: planVersions.number,
      sectionKey: planVersionChanges.sectionKey,
      reason: planVersionChanges.reason,
      suggestionId: suggestions.id,
      status: suggestions.status,
      publicSummary: suggestions.publicSummary,
      publishable: suggestions.publishable,
      consent: suggestions.publicationConsent,
    })
    .from(planVersionChanges)
    .innerJoin(planVersions, eq(planVersions.id, planVersionChanges.versionId))
    .leftJoin(planVersionChangeSuggestions, eq(planVersionChangeSuggestions.changeId, planVersionChanges.id))
    .leftJoin(suggestions, eq(suggestions.id, planVersionChangeSuggestions.suggestionId))
    .where(
      and(eq(planVersions.planId, planId), gt(planVersions.number, fromNumber), lte(planVersions.number, toNumber)),
    )
    .orderBy(asc(planVersions.number), asc(planVersionChanges.id), asc(suggestions.decidedAt), asc(suggestions.id));
  const names = await publicNames(
    db,
    rows.flatMap((row) => (row.suggestionId === null ? [] : [row.suggestionId])),
  );
  const byChange = new Map<number, ChangeNote & { sectionKey: number }>();
  for (const row of rows) {
    if (!byChange.has(row.changeId))
      byChange.set(row.changeId, {
        version: row.version,
        sectionKey: row.sectionKey,
        reason: row.reason,
        suggestions: [],
      });
    const shown =
      row.status && row.suggestionId !== null
        ? publicLinkedSuggestion({
            status: row.status,
            publicSummary: row.publicSummary,
            publishable: row.publishable ?? false,
            consent: row.consent ?? 'none',
            name: names.get(row.suggestionId),
          })
        : null;
    if (shown) byChange.get(row.changeId)!.suggestions.push(shown);
  }
  return [...byChange.values()];
}

export type SuggestionRevision = { planSlug: string; version: number; sectionKey: number; heading: string | null };

/**
 * /track: the changes of revised drafts that cite this suggestion, for a link
 * to each in the comparison. Called only after the submitter proved the code.
 */
export async function revisionsForSuggestion(db: Database, trackingCode: string): Promise<SuggestionRevision[]> {
  const rows = await db
    .select({
      planId: plans.id,
      planSlug: plans.slug,
      version: planVersions.number,
      sectionKey: planVersionChanges.sectionKey,
      status: suggestions.status,
    })
    .from(suggestions)
    .innerJoin(planVersionChangeSuggestions, eq(planVersionChangeSuggestions.suggestionId, suggestions.id))
    .innerJoin(planVersionChanges, eq(planVersionChanges.id, planVersionChangeSuggestions.changeId))
    .innerJoin(planVersions, eq(planVersions.id, planVersionChanges.versionId))
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), inArray(plans.status, [...publicStatuses])))
    .where(eq(suggestions.trackingCode, trackingCode))
    .orderBy(asc(planVersions.number), asc(planVersionChanges.sectionKey));
  const result: SuggestionRevision[] = [];
  for (const row of rows) {
    if (row.status !== 'adopted' && row.status !== 'partially_adopted') continue;
    // The heading as it reads in that version (a removed section: as it read before).
    const [section] = await db
      .select({ heading: planVersionSections.heading })
      .from(planVersionSections)
      .innerJoin(planVersions, eq(planVersions.id, planVersionSections.versionId))
      .where(
        and(
          eq(planVersionSections.sectionKey, row.sectionKey),
          eq(planVersions.planId, row.planId),
          lte(planVersions.number, row.version),
        ),
      )
      .orderBy(desc(planVersions.number))
      .limit(1);
    result.push({
      planSlug: row.planSlug,
      version: row.version,
      sectionKey: row.sectionKey,
      heading: section?.heading ?? null,
    });
  }
  return result;
}

/** The current version of a plan for its page's banner: number, date, and whether earlier ones exist. */
export async function currentVersion(
  db: Database,
  planId: number,
): Promise<{ number: number; publishedAt: Date } | null> {
  const [row] = await db
    .select({ number: planVersions.number, publishedAt: planVersions.publishedAt })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.number))
    .limit(1);
  return row ?? null;
}
