import { data, Form, Link } from 'react-router';
import type { Route } from './+types/support';
import { CaptchaWidget } from '../components/captcha-widget.tsx';
import { consumeRateLimit } from '../domain/rate-limit/rate-limit.server.ts';
import { findSupportTarget, recordSupport } from '../domain/support/record-support.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { readFormOrAnswer, SMALL_FORM_BYTES } from '../web/read-form.server.ts';
import { supporterOf } from '../web/supporter-cookie.server.ts';
import { invariantResponse } from '../web/invariant-response.ts';

// 附议 (decision 048): a published suggestion's summary, decision and count,
// and one button. Unpublished, other-plan or unknown ids do not exist here (404).
const parseId = (raw: string | undefined) => (raw && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : 0);

export async function loader({ context, params }: Route.LoaderArgs) {
  const target = await findSupportTarget(context.db, params.slug, parseId(params.suggestionId));
  invariantResponse(target);
  return {
    slug: params.slug,
    target,
    captcha: {
      siteKey: context.config.captcha.siteKey,
      scriptUrl: context.config.captcha.scriptUrl,
      disabled: context.config.captcha.disabled,
    },
  };
}

const refusalStatus = { notFound: 404, closed: 403, captchaMissing: 400, captchaFailed: 400, captchaUnavailable: 503 };

export async function action({ context, params, request }: Route.ActionArgs) {
  // Counted with submissions: a support costs a captcha like a suggestion does.
  const limit = await consumeRateLimit(context.db, {
    key: `support:${context.clientIp}`,
    limit: context.config.rateLimits.submitPerHour,
    windowSeconds: 3600,
  });
  if (!limit.allowed) {
    throw data(
      { retryAfterSeconds: limit.retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  const form = await readFormOrAnswer(request, { maxBytes: SMALL_FORM_BYTES });
  const supporter = supporterOf(request, context.config);
  const result = await recordSupport({
    db: context.db,
    config: context.config,
    slug: params.slug,
    suggestionId: parseId(params.suggestionId),
    supporterId: supporter.id,
    captchaToken: String(form.get('captcha-token') || form.get('h-captcha-response') || '').trim(),
    clientIp: context.clientIp,
  });
  const headers = supporter.setCookie ? { 'Set-Cookie': supporter.setCookie } : undefined;
  if (result.type === 'supported') return data({ supported: result.supporters, refused: null }, { headers });
  return data({ supported: null, refused: result.reason }, { status: refusalStatus[result.reason], headers });
}

export function meta() {
  return [{ title: '附议 · 建言' }];
}

export default function SupportPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { slug, target, captcha } = loaderData;
  const back = (
    <p>
      <Link to={`/plans/${slug}/suggest`}>{t('support.backToForm')}</Link>
      {' · '}
      <Link to={`/plans/${slug}`}>{t('receipt.backToPlan')}</Link>
    </p>
  );
  if (actionData?.supported != null) {
    return (
      <section className="panel">
        <h1>{t('support.done')}</h1>
        <p role="status">{t('support.doneText', { count: actionData.supported })}</p>
        <blockquote className="quote">{target.summary}</blockquote>
        {back}
      </section>
    );
  }
  return (
    <section className="panel">
      <h1>{t('support.title')}</h1>
      <p>{t('support.intro')}</p>
      {actionData?.refused && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(`support.refused.${actionData.refused}`)}</p>
        </div>
      )}
      <h2>{t('support.summary')}</h2>
      <blockquote className="quote">{target.summary}</blockquote>
      <p>
        {t('similar.decision', { status: t(`status.${target.status}` as 'status.received') })}
        {' · '}
        {t('similar.supporters', { count: target.supporters })}
      </p>
      {target.planOpen ? (
        <Form method="post">
          {!captcha.disabled && (
            <CaptchaWidget
              siteKey={captcha.siteKey}
              scriptUrl={captcha.scriptUrl}
              locale={locale}
              note={t('support.captchaNote')}
            />
          )}
          <button type="submit" className="button">
            {t('support.button')}
          </button>
        </Form>
      ) : (
        <p className="notice">{t('support.refused.closed')}</p>
      )}
      {back}
    </section>
  );
}
