import type { Translate } from '../../i18n/index.ts';
import type { CountRow, PlanDashboard } from './dashboard.server.ts';

// The dashboard's tables in one shape, so that the page renders them and the
// CSV download writes them from the same definition.

export const dashboardTableKeys = [
  'byStatus',
  'byCategory',
  'bySection',
  'byChannel',
  'bySubmitterType',
  'perDay',
  'adoptionByCategory',
  'topTags',
  'satisfactionByCategory',
] as const;
export type DashboardTableKey = (typeof dashboardTableKeys)[number];

export type DashboardTable = {
  key: DashboardTableKey;
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** Bars for the chart: label and count. */
  bars?: { label: string; value: number }[];
};

export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export function dashboardTables(d: PlanDashboard, t: Translate): DashboardTable[] {
  const counts = <K>(
    key: DashboardTableKey,
    rows: CountRow<K>[],
    label: (row: CountRow<K>) => string,
  ): DashboardTable => ({
    key,
    title: t(`dashboard.${key}`),
    headers: [t('dashboard.item'), t('dashboard.count'), t('dashboard.share')],
    rows: rows.map((row) => [label(row), row.count, percent(row.share)]),
    bars: rows.map((row) => ({ label: label(row), value: row.count })),
  });
  return [
    counts('byStatus', d.byStatus, (row) => t(`status.${row.key}`)),
    counts('byCategory', d.byCategory, (row) => row.label || t('exports.uncategorized')),
    counts('bySection', d.bySection, (row) => row.label || t('exports.noSection')),
    counts('byChannel', d.byChannel, (row) => t(`exports.channel.${row.key}`)),
    counts('bySubmitterType', d.bySubmitterType, (row) => row.label),
    {
      key: 'perDay',
      title: t('dashboard.perDay'),
      headers: [t('dashboard.day'), t('dashboard.count')],
      rows: d.perDay.map((row) => [row.day, row.count]),
      bars: d.perDay.map((row) => ({ label: row.day.slice(5), value: row.count })),
    },
    {
      key: 'adoptionByCategory',
      title: t('dashboard.adoptionByCategory'),
      headers: [
        t('dashboard.item'),
        t('dashboard.decided'),
        t('dashboard.adopted'),
        t('dashboard.partiallyAdopted'),
        t('dashboard.rate'),
      ],
      rows: d.adoptionByCategory.map((row) => [
        row.label || t('exports.uncategorized'),
        row.decided,
        row.adopted,
        row.partiallyAdopted,
        percent(row.rate),
      ]),
    },
    {
      key: 'topTags',
      title: t('dashboard.topTags'),
      headers: [t('exports.tag'), t('dashboard.count')],
      rows: d.topTags.map((row) => [row.label, row.count]),
      bars: d.topTags.map((row) => ({ label: row.label, value: row.count })),
    },
    {
      key: 'satisfactionByCategory',
      title: t('dashboard.satisfactionByCategory'),
      headers: [
        t('dashboard.item'),
        t('rating.satisfied'),
        t('rating.basically_satisfied'),
        t('rating.dissatisfied'),
        t('dashboard.satisfactionRated'),
      ],
      rows: d.satisfactionByCategory.map((row) => [
        row.label || t('exports.uncategorized'),
        row.satisfied,
        row.basicallySatisfied,
        row.dissatisfied,
        row.rated,
      ]),
    },
  ];
}
