import { data, Form } from 'react-router';
import type { Route } from './+types/track-delete';
import { confirmContactDeletion } from '../domain/privacy/contact-deletion.server.ts';
import { useTranslation } from '../i18n/use-translation.ts';

// /track/delete/<token>: the mailed link that confirms a submitter's request
// to delete their contact details. Opening it only shows a button: mail
// scanners fetch links on their own, and a GET must never delete anything.

export function meta() {
  return [{ title: '删除联系方式 · 建言' }, { name: 'robots', content: 'noindex' }];
}

// The token is in the path: never send it on to another site as a referrer.
export function headers() {
  return { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
}

export function loader() {
  return { outcome: null };
}

export async function action({ context, params }: Route.ActionArgs) {
  const outcome = await confirmContactDeletion(context.db, { token: params.token, ip: context.clientIp });
  return data({ outcome }, { status: outcome === 'deleted' ? 200 : 404 });
}

export default function TrackDeletePage({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const outcome = actionData?.outcome;
  return (
    <section className="panel">
      <h1>{t('track.delete.title')}</h1>
      {outcome === 'deleted' && (
        <p className="notice" role="status">
          {t('track.delete.done')}
        </p>
      )}
      {outcome === 'invalid' && (
        <p className="notice notice--error" role="alert">
          {t('track.delete.invalid')}
        </p>
      )}
      {!outcome && (
        <Form method="post">
          <p>{t('track.delete.confirmIntro')}</p>
          <button type="submit" className="button">
            {t('track.delete.submit')}
          </button>
        </Form>
      )}
    </section>
  );
}
