import { Link } from 'react-router';
import type { Route } from './+types/home';
import { listClosedPlans, listOpenPlans, type PlanSummary } from '../domain/plans/queries.server.ts';
import { detectLocale, translator } from '../i18n/index.ts';
import { useTranslation } from '../i18n/use-translation.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const [open, closed] = await Promise.all([listOpenPlans(context.db), listClosedPlans(context.db)]);
  return { open, closed, pageTitle: translator(detectLocale(request))('site.tagline') };
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data ? `${data.pageTitle} · 建言` : '建言' }];
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {loaderData.open.length === 0 ? (
        <p className="notice">{t('home.empty')}</p>
      ) : (
        <ul className="plan-list">
          {loaderData.open.map((plan) => (
            <PlanCard key={plan.id} plan={plan} />
          ))}
        </ul>
      )}
      {loaderData.closed.length > 0 && (
        <>
          <h2>{t('home.closedTitle')}</h2>
          <ul className="plan-list plan-list--closed">
            {loaderData.closed.map((plan) => (
              <PlanCard key={plan.id} plan={plan} closed />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function PlanCard({ plan, closed = false }: { plan: PlanSummary; closed?: boolean }) {
  const { t, formatDate } = useTranslation();
  const deadline = plan.closesAt
    ? t(closed ? 'home.closedAt' : 'home.closesAt', { date: formatDate(plan.closesAt) })
    : t('home.noDeadline');
  return (
    <li className="plan-card">
      <h3 className="plan-card__title">
        <Link to={`/plans/${plan.slug}`}>{plan.title}</Link>
      </h3>
      <p className="plan-card__meta">
        <span className={closed ? 'badge badge--closed' : 'badge badge--open'}>{deadline}</span>
        {plan.organizer && <span>{t('home.organizer', { organizer: plan.organizer })}</span>}
      </p>
      {!closed && <p className="plan-card__summary">{plan.summary}</p>}
      {!closed && (
        <p>
          <Link to={`/plans/${plan.slug}`} className="button" aria-label={`${t('home.readAndComment')}：${plan.title}`}>
            {t('home.readAndComment')}
          </Link>
        </p>
      )}
    </li>
  );
}
