import type { Database } from '../../../db/client.server.ts';
import { getComparison, getVersionedPlan, type VersionInfo } from './queries.server.ts';

// The comparison page and its Word download read the same query string:
// ?from=1&to=2. Missing values mean "the latest version against the one
// before"; a reversed pair is put in order; unknown versions are not found.

export type ResolvedComparison =
  | { kind: 'not_found' }
  | { kind: 'reorder'; from: number; to: number }
  | {
      kind: 'none' | 'same';
      plan: NonNullable<Awaited<ReturnType<typeof getVersionedPlan>>>['plan'];
      versions: VersionInfo[];
      from: number;
      to: number;
    }
  | {
      kind: 'ok';
      plan: NonNullable<Awaited<ReturnType<typeof getVersionedPlan>>>['plan'];
      versions: VersionInfo[];
      from: VersionInfo;
      to: VersionInfo;
      comparison: Awaited<ReturnType<typeof getComparison>>;
    };

function versionNumber(value: string | null): number | null | 'bad' {
  if (value === null || value === '') return null;
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 'bad';
}

export async function resolveComparison(
  db: Database,
  slug: string,
  params: URLSearchParams,
): Promise<ResolvedComparison> {
  const found = await getVersionedPlan(db, slug);
  if (!found) return { kind: 'not_found' };
  const { plan, versions } = found;
  const latest = versions.at(-1)?.number ?? 0;
  const rawTo = versionNumber(params.get('to'));
  const rawFrom = versionNumber(params.get('from'));
  if (rawTo === 'bad' || rawFrom === 'bad') return { kind: 'not_found' };
  const to = rawTo ?? latest;
  const from = rawFrom ?? to - 1;
  if (versions.length < 2 && rawTo === null && rawFrom === null) return { kind: 'none', plan, versions, from, to };
  const fromVersion = versions.find((v) => v.number === from);
  const toVersion = versions.find((v) => v.number === to);
  if (!fromVersion || !toVersion) return { kind: 'not_found' };
  if (from === to) return { kind: 'same', plan, versions, from, to };
  if (from > to) return { kind: 'reorder', from: to, to: from };
  return {
    kind: 'ok',
    plan,
    versions,
    from: fromVersion,
    to: toVersion,
    comparison: await getComparison(db, { planId: plan.id, from: fromVersion, to: toVersion }),
  };
}
