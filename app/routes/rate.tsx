import { data } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/rate';
import { RateHandling } from '../components/track/rate-handling.tsx';
import { ratingLinkTarget, rateByToken } from '../domain/feedback/ratings.server.ts';
import { consumeRateLimit } from '../domain/rate-limit/rate-limit.server.ts';
import { hasStaffSession } from '../web/staff-session.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { readForm, SMALL_FORM_BYTES } from '../web/read-form.server.ts';

// /rate/<token>: the decision email's rating link. The token can rate its one
// suggestion and show its title; it cannot open /track, the reply or a contact.
const RateForm = z.object({ rating: z.string().max(40).default(''), comment: z.string().max(2000).default('') });

export function meta() {
  return [{ title: '评价办理情况 · 建言' }, { name: 'robots', content: 'noindex' }];
}

// The token is in the path: never send it on to another site as a referrer.
export function headers() {
  return { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
}

export async function loader({ context, params }: Route.LoaderArgs) {
  return { target: await ratingLinkTarget(context.db, params.token), outcome: null };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  // Counted with /track's look-ups: the same door to the same kind of secret.
  const limit = await consumeRateLimit(context.db, {
    key: `track:${context.clientIp}`,
    limit: context.config.rateLimits.trackPerHour,
    windowSeconds: 3600,
  });
  if (!limit.allowed) {
    throw data(
      { retryAfterSeconds: limit.retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  const form = RateForm.safeParse(Object.fromEntries(await readForm(request, { maxBytes: SMALL_FORM_BYTES })));
  const input = form.success ? form.data : RateForm.parse({});
  const target = await ratingLinkTarget(context.db, params.token);
  const outcome = await rateByToken(context.db, {
    token: params.token,
    ...input,
    raterIsStaff: await hasStaffSession(request, context),
  });
  return data(
    { target, outcome },
    { status: outcome === 'rated' ? 200 : outcome === 'not_found' ? 404 : outcome === 'staff_session' ? 403 : 400 },
  );
}

export default function RatePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const target = actionData?.target ?? loaderData.target;
  const outcome = actionData?.outcome ?? null;
  return (
    <section className="panel">
      <h1>{t('rating.pageTitle')}</h1>
      {outcome === 'rated' ? (
        <p className="notice" role="status" data-testid="rating-given">
          {t('rating.thanks')}
        </p>
      ) : !target ? (
        <p className="notice notice--error" role="alert">
          {t('rating.linkInvalid')}
        </p>
      ) : (
        <>
          <dl className="summary">
            <dt>{t('receipt.plan')}</dt>
            <dd>{target.planTitle}</dd>
            <dt>{t('receipt.suggestionTitle')}</dt>
            <dd>{target.title}</dd>
          </dl>
          {target.canRate ? (
            <RateHandling rating={null} outcome={outcome} hidden={{}} />
          ) : (
            <p className="notice">{target.rated ? t('rating.already') : t('rating.outcome.not_decided')}</p>
          )}
        </>
      )}
      <p>
        <a href="/track">{t('rating.trackLink')}</a>
      </p>
    </section>
  );
}
