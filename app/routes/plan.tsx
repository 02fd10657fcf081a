import { Link } from 'react-router';
import type { Route } from './+types/plan';
import { PlanCounters } from '../components/plan-counters.tsx';
import { planCounters } from '../domain/feedback/plan-counters.server.ts';
import { consultationWindow, daysLeft } from '../domain/plans/consultation-window.ts';
import { getPublicPlan } from '../domain/plans/queries.server.ts';
import { hasUnpublishedEdits } from '../domain/versions/publish-version.server.ts';
import { currentVersion } from '../domain/versions/queries.server.ts';
import { VersionBanner } from '../components/versions/version-banner.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { renderMarkdown } from '../utils/markdown.server.ts';
import { invariantResponse } from '../web/invariant-response.ts';

export async function loader({ context, params }: Route.LoaderArgs) {
  const plan = await getPublicPlan(context.db, params.slug);
  invariantResponse(plan);
  const { sections, ...rest } = plan;
  const window = consultationWindow(plan);
  return {
    plan: rest,
    window,
    counters: { ...(await planCounters(context.db, plan.id)), daysLeft: window === 'open' ? daysLeft(plan) : null },
    version: await currentVersion(context.db, plan.id),
    pendingEdits: await hasUnpublishedEdits(context.db, plan.id),
    sections: sections.map(({ bodyMarkdown, ...section }) => ({ ...section, bodyHtml: renderMarkdown(bodyMarkdown) })),
  };
}

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.plan.title} · 建言` : '建言' }];
}

export default function PlanPage({ loaderData }: Route.ComponentProps) {
  const { plan, sections, window, counters } = loaderData;
  const { t, locale, formatDate } = useTranslation();
  return (
    <article className="plan">
      <header className="plan__header">
        <p className={`badge badge--${window}`}>{t(`plan.status.${window}`)}</p>
        <h1>{plan.title}</h1>
        {plan.organizer && <p className="plan__organizer">{t('home.organizer', { organizer: plan.organizer })}</p>}
        {plan.opensAt && plan.closesAt && (
          <p className="plan__window">
            {t('plan.window', { opens: formatDate(plan.opensAt), closes: formatDate(plan.closesAt) })}
          </p>
        )}
        {plan.shortWindowReason && (
          <p className="plan__short-window">
            <strong>{t('window.publicReasonLabel')}</strong>
            {plan.shortWindowReason}
          </p>
        )}
        <PlanCounters counters={counters} window={window} />
        <p className="plan__summary">{plan.summary}</p>
        <VersionBanner slug={plan.slug} version={loaderData.version} pendingEdits={loaderData.pendingEdits} />
        {window === 'open' && (
          <p>
            <Link to={`/plans/${plan.slug}/suggest`} className="button">
              {t('suggest.commentOnPlan')}
            </Link>
          </p>
        )}
      </header>

      <div className="plan__layout">
        <nav className="toc" aria-labelledby="toc-heading" id="contents">
          <h2 id="toc-heading">{t('plan.contents')}</h2>
          <ol>
            {sections.map((section) => (
              <li key={section.id} className={`toc__item toc__item--level${section.level}`}>
                <a href={`#section-${section.id}`}>
                  {section.number} {section.heading}
                </a>
              </li>
            ))}
          </ol>
        </nav>

        <div className="plan__body">
          {sections.map((section) =>
            section.level === 1 ? (
              <section
                key={section.id}
                id={`section-${section.id}`}
                className="chapter"
                aria-labelledby={`h-${section.id}`}
              >
                <h2 id={`h-${section.id}`}>
                  <span className="section-number">{section.number}</span> {section.heading}
                </h2>
                <div className="prose" dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
              </section>
            ) : (
              <section
                key={section.id}
                id={`section-${section.id}`}
                className={`section section--level${section.level}`}
                aria-labelledby={`h-${section.id}`}
              >
                <SectionHeading level={section.level} id={`h-${section.id}`}>
                  <span className="section-number">{section.number}</span>
                  {section.heading}
                </SectionHeading>
                <div className="prose" dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
                <p className="section-actions">
                  {window === 'open' && (
                    <Link
                      to={`/plans/${plan.slug}/suggest?section=${section.id}`}
                      aria-label={`${t('suggest.commentOnSection')}：${section.number}${section.heading}`}
                    >
                      {t('suggest.commentOnSection')}
                    </Link>
                  )}
                  <a href="#contents">{t('plan.backToTop')}</a>
                </p>
              </section>
            ),
          )}
        </div>

        <aside className="plan__aside" aria-labelledby="how-heading">
          <h2 id="how-heading">{t('plan.howToSubmit')}</h2>
          {plan.emailMarker && <p>{t('plan.emailMarker', { marker: plan.emailMarker })}</p>}
          <h3>{t('plan.categories')}</h3>
          <ul className="category-list">
            {plan.categories.map((category) => (
              <li key={category.id}>{locale === 'en' && category.nameEn ? category.nameEn : category.name}</li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}

// Deeper outline levels (节 under 章 under 编, or GB/T 5.1.1) get deeper headings: h3 … h6.
function SectionHeading({ level, id, children }: { level: number; id: string; children: React.ReactNode }) {
  const Tag = (['h3', 'h4', 'h5', 'h6'] as const)[Math.min(Math.max(level - 2, 0), 3)]!;
  return <Tag id={id}>{children}</Tag>;
}
