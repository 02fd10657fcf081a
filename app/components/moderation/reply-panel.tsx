import { Form } from 'react-router';
import { useTranslation } from '../../i18n/use-translation.ts';

export function ReplyPanel({ hasEmail }: { hasEmail: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="admin-panel" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t('mod.reply.title')}</h2>
      {hasEmail ? (
        <Form method="post" className="admin-form">
          <p className="muted">{t('mod.reply.intro')}</p>
          <input type="hidden" name="intent" value="reply" />
          <label>
            {t('mod.reply.message')}
            <textarea name="message" required minLength={2} maxLength={5000} rows={5} />
          </label>
          <button type="submit" className="button button--secondary">
            {t('mod.reply.send')}
          </button>
        </Form>
      ) : (
        <p>{t('mod.reply.noEmail')}</p>
      )}
    </section>
  );
}
