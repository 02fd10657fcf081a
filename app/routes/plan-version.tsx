import { Link } from 'react-router';
import type { Route } from './+types/plan-version';
import { getVersionedPlan, versionSections } from '../domain/versions/queries.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import versionStyles from '../styles/versions.css?url';
import { renderMarkdown } from '../utils/markdown.server.ts';
import { idParam } from '../web/parse-form.server.ts';
import { invariantResponse } from '../web/invariant-response.ts';

// One published version of a plan, frozen: /plans/:slug/versions/:n is a
// stable address to cite, whatever the plan's text says later.
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: versionStyles }];

export async function loader({ context, params }: Route.LoaderArgs) {
  const number = idParam(params.n);
  const found = await getVersionedPlan(context.db, params.slug);
  const version = found?.versions.find((v) => v.number === number);
  invariantResponse(found && version);
  const sections = await versionSections(context.db, version.id);
  return {
    plan: found.plan,
    version: { number: version.number, note: version.note, publishedAt: version.publishedAt },
    versions: found.versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt })),
    current: found.versions.at(-1)!.number,
    sections: sections.map((s) => ({
      key: s.sectionKey,
      level: s.level,
      number: s.number,
      heading: s.heading,
      bodyHtml: renderMarkdown(s.bodyMarkdown),
    })),
  };
}

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.plan.title}（第${loaderData.version.number}版） · 建言` : '建言' }];
}

export default function PlanVersionPage({ loaderData }: Route.ComponentProps) {
  const { plan, version, versions, current, sections } = loaderData;
  const { t, formatDate } = useTranslation();
  return (
    <article className="versions">
      <p className="versions__meta">
        <Link to={`/plans/${plan.slug}`}>{t('versions.backToPlan')}</Link>
      </p>
      <h1>{t('versions.versionOf', { plan: plan.title, n: version.number })}</h1>
      <p className="versions__meta">
        {t('versions.publishedAt', { date: formatDate(version.publishedAt) })}
        {version.number === current && ` · ${t('versions.isCurrent')}`}
      </p>
      {version.number !== current && (
        <p className="notice" role="note">
          {t('versions.historical', { n: current })}{' '}
          <Link to={`/plans/${plan.slug}/versions/${current}`}>{t('versions.readCurrent')}</Link>
        </p>
      )}
      {version.note && (
        <section aria-labelledby="version-note">
          <h2 id="version-note">{t('versions.note')}</h2>
          <p>{version.note}</p>
        </section>
      )}
      <p className="versions__actions no-print">
        {version.number > 1 && (
          <Link to={`/plans/${plan.slug}/compare?from=${version.number - 1}&to=${version.number}`}>
            {t('versions.compareWithPrevious', { n: version.number - 1 })}
          </Link>
        )}
      </p>
      <nav aria-labelledby="version-history" className="no-print">
        <h2 id="version-history">{t('versions.history')}</h2>
        <ol className="versions__list">
          {versions.map((v) => (
            <li key={v.number}>
              <Link
                to={`/plans/${plan.slug}/versions/${v.number}`}
                aria-current={v.number === version.number ? 'page' : undefined}
              >
                {t('versions.version', { n: v.number })}
              </Link>{' '}
              {t('versions.publishedAt', { date: formatDate(v.publishedAt) })}
            </li>
          ))}
        </ol>
      </nav>
      <div className="plan__body">
        {sections.map((section) => {
          const Heading = (['h2', 'h3', 'h4', 'h5', 'h6'] as const)[Math.min(section.level, 5) - 1]!;
          return (
            <section
              key={section.key}
              id={`section-${section.key}`}
              aria-labelledby={`h-${section.key}`}
              className={section.level === 1 ? 'chapter' : 'section'}
            >
              <Heading id={`h-${section.key}`}>
                <span className="section-number">{section.number}</span> {section.heading}
              </Heading>
              <div className="prose" dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
            </section>
          );
        })}
      </div>
    </article>
  );
}
