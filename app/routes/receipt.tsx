import { data, Link } from 'react-router';
import type { Route } from './+types/receipt';
import { consumeRateLimit } from '../domain/rate-limit/rate-limit.server.ts';
import { getReceipt } from '../domain/suggestions/queries.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { PrintButton } from '../components/print-button.tsx';
import { invariantResponse } from '../web/invariant-response.ts';

// The receipt needs only the code (the submitter lands here right after
// submitting). Codes are unguessable, and look-ups are limited per IP like
// /track, so the page cannot be used to probe for codes.
export async function loader({ context, params }: Route.LoaderArgs) {
  const limit = await consumeRateLimit(context.db, {
    key: `receipt:${context.clientIp}`,
    limit: context.config.rateLimits.trackPerHour,
    windowSeconds: 3600,
  });
  if (!limit.allowed) {
    throw data(
      { retryAfterSeconds: limit.retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  const receipt = await getReceipt(context.db, params.code);
  invariantResponse(receipt);
  return { receipt };
}

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [
    { title: loaderData ? `${loaderData.receipt.trackingCode} · 建言` : '建言' },
    { name: 'robots', content: 'noindex' },
  ];
}

export default function ReceiptPage({ loaderData }: Route.ComponentProps) {
  const { receipt } = loaderData;
  const { t, locale, formatDate } = useTranslation();
  const category = locale === 'en' && receipt.categoryNameEn ? receipt.categoryNameEn : receipt.categoryName;
  return (
    <section className="panel receipt">
      <h1>{t('receipt.title')}</h1>
      <p>{t('receipt.thanks')}</p>
      <div className="receipt__code">
        <p className="receipt__code-label">{t('receipt.codeLabel')}</p>
        <p className="receipt__code-value" data-testid="tracking-code">
          {receipt.trackingCode}
        </p>
      </div>
      <p>{t('receipt.keepCode')}</p>
      {receipt.acknowledgementQueued && <p>{t('receipt.emailSent')}</p>}
      {receipt.status === 'pending_verification' && <p className="notice">{t('receipt.held')}</p>}

      <h2>{t('receipt.summary')}</h2>
      <dl className="summary">
        <dt>{t('receipt.plan')}</dt>
        <dd>{receipt.planTitle}</dd>
        {category && (
          <>
            <dt>{t('receipt.category')}</dt>
            <dd>{category}</dd>
          </>
        )}
        {receipt.sectionHeading && (
          <>
            <dt>{t('receipt.section')}</dt>
            <dd>
              {receipt.sectionNumber} {receipt.sectionHeading}
            </dd>
          </>
        )}
        <dt>{t('receipt.suggestionTitle')}</dt>
        <dd>{receipt.title}</dd>
        <dt>{t('receipt.submittedAt')}</dt>
        <dd>{formatDate(receipt.submittedAt)}</dd>
        <dt>{t('receipt.attachments')}</dt>
        <dd>{t('receipt.attachmentCount', { count: receipt.attachmentCount })}</dd>
      </dl>

      <p className="actions no-print">
        <PrintButton label={t('receipt.print')} />
        <Link to="/track" className="button button--secondary">
          {t('receipt.track')}
        </Link>
        <Link to={`/plans/${receipt.planSlug}`}>{t('receipt.backToPlan')}</Link>
      </p>
    </section>
  );
}
