import type { Route } from './+types/plan-dashboard-csv';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { attachmentDisposition } from '../../domain/exports/content-disposition.ts';
import { csvLine } from '../../domain/exports/csv-cell.ts';
import { dashboardTables } from '../../domain/exports/dashboard-tables.ts';
import { planDashboard } from '../../domain/exports/dashboard.server.ts';
import { findPlanForStaff } from '../../domain/exports/report.server.ts';
import { translator } from '../../i18n/index.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// One dashboard table as CSV (UTF-8 with BOM for Excel/WPS). Aggregates only:
// counts per group, no suggestion text, no personal data.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  await requireUserWithPermission(request, context, 'read:report:any');
  const plan = await findPlanForStaff(context.db, params.slug);
  invariantResponse(plan);
  const table = dashboardTables(await planDashboard(context.readDb, plan.id), translator('zh-CN')).find(
    (candidate) => candidate.key === params.table,
  );
  invariantResponse(table);
  const body = `\uFEFF${csvLine(table.headers)}${table.rows.map(csvLine).join('')}`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`${plan.title}-${table.title}.csv`),
      'Cache-Control': 'no-store',
    },
  });
}
