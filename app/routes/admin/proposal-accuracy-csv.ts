import type { Route } from './+types/proposal-accuracy-csv';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { proposalAccuracyCsv } from '../../domain/categorize/proposal-accuracy-csv.server.ts';
import { attachmentDisposition } from '../../domain/exports/content-disposition.ts';
import { findPlanForStaff } from '../../domain/exports/report.server.ts';
import { translator } from '../../i18n/index.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:report:any');
  const plan = await findPlanForStaff(context.db, params.slug);
  invariantResponse(plan);
  const t = translator('zh-CN');
  return new Response(proposalAccuracyCsv(context.db, { viewer, planId: plan.id, t }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`${plan.title}-${t('accuracy.title')}.csv`),
      'Cache-Control': 'no-store',
    },
  });
}
