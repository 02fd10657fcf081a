import { redirect } from 'react-router';
import type { Route } from './+types/plan-compare-docx';
import { resolveComparison } from '../domain/versions/resolve-comparison.server.ts';
import { writeComparisonDocx } from '../domain/versions/write-comparison-docx.server.ts';
import { formatDate } from '../i18n/index.ts';
import { downloadResponse } from '../utils/download.server.ts';
import { invariantResponse } from '../web/invariant-response.ts';

// The Word 修改对照表, public like the page it mirrors: it holds only the
// plan's text, staff's reasons and suggestions' public summaries.
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const result = await resolveComparison(context.db, params.slug, new URL(request.url).searchParams);
  if (result.kind === 'reorder')
    throw redirect(`/plans/${params.slug}/compare/docx?from=${result.from}&to=${result.to}`);
  invariantResponse(result.kind === 'ok');
  const day = (date: Date) => formatDate(date, 'zh-CN');
  const bytes = await writeComparisonDocx(result.comparison.rows, {
    planTitle: result.plan.title,
    from: result.from.number,
    to: result.to.number,
    fromDate: day(result.from.publishedAt),
    toDate: day(result.to.publishedAt),
    today: day(new Date()),
  });
  return downloadResponse(bytes, {
    filename: `${result.plan.title}-修改对照表-第${result.from.number}版至第${result.to.number}版.docx`,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
