import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/plan-compare';
import { PrintButton } from '../components/print-button.tsx';
import { ComparisonTable } from '../components/versions/comparison-table.tsx';
import { resolveComparison } from '../domain/versions/resolve-comparison.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import versionStyles from '../styles/versions.css?url';
import { invariantResponse } from '../web/invariant-response.ts';

// 修改对照表: public, printable, with a Word download of the same table. Only
// public data: the plan's text, staff's reasons and suggestions' public summaries.
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: versionStyles }];

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const result = await resolveComparison(context.db, params.slug, new URL(request.url).searchParams);
  invariantResponse(result.kind !== 'not_found');
  if (result.kind === 'reorder') throw redirect(`/plans/${params.slug}/compare?from=${result.from}&to=${result.to}`);
  const versions = result.versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt }));
  if (result.kind !== 'ok')
    return data({ ...result, versions, comparison: null }, { status: result.kind === 'same' ? 400 : 200 });
  return {
    kind: result.kind,
    plan: result.plan,
    versions,
    from: result.from.number,
    to: result.to.number,
    comparison: result.comparison,
  };
}

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `修改对照表 · ${loaderData.plan.title} · 建言` : '建言' }];
}

export default function PlanComparePage({ loaderData }: Route.ComponentProps) {
  const { plan, versions, from, to, comparison, kind } = loaderData;
  const { t, formatDate } = useTranslation();
  return (
    <article className="versions">
      <p className="versions__meta">
        <Link to={`/plans/${plan.slug}`}>{plan.title}</Link>
      </p>
      <h1>{t('versions.compareTitle')}</h1>
      {kind === 'none' && <p>{t('versions.none')}</p>}
      {versions.length > 1 && (
        <Form method="get" className="versions__picker no-print" aria-label={t('versions.chooseVersions')}>
          {(['from', 'to'] as const).map((name) => (
            <label key={name}>
              {t(`versions.${name}`)}{' '}
              <select name={name} defaultValue={name === 'from' ? from : to}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    {t('versions.version', { n: v.number })}（{formatDate(v.publishedAt)}）
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className="button button--secondary">
            {t('versions.compare')}
          </button>
        </Form>
      )}
      {kind === 'same' && (
        <p className="notice notice--error" role="alert">
          {t('versions.sameVersion')}
        </p>
      )}
      {comparison && (
        <>
          <p>
            {t('versions.compareIntro', { from, to, count: comparison.rows.length, unchanged: comparison.unchanged })}
          </p>
          <p className="versions__actions no-print">
            <PrintButton label={t('versions.print')} />
            <a href={`/plans/${plan.slug}/compare/docx?from=${from}&to=${to}`} download>
              {t('versions.docx')}
            </a>
            <Link to={`/plans/${plan.slug}/versions/${from}`}>{t('versions.version', { n: from })}</Link>
            <Link to={`/plans/${plan.slug}/versions/${to}`}>{t('versions.version', { n: to })}</Link>
          </p>
          {comparison.rows.length === 0 ? (
            <p>{t('versions.noChanges')}</p>
          ) : (
            <>
              <p className="versions__meta">{t('versions.legend')}</p>
              <ComparisonTable rows={comparison.rows} from={from} to={to} />
            </>
          )}
          <p className="versions__privacy">{t('versions.privacy')}</p>
        </>
      )}
    </article>
  );
}
