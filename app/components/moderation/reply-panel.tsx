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
          <ReplyMessageField rows={5} />
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

/**
 * The message to a submitter, on a suggestion's page and for every copy of a
 * campaign. Its limits mirror the `reply` intent of both actions (2 to
 * MAX_REPLY_LENGTH characters, which a client module cannot import).
 */
export function ReplyMessageField({ rows }: { rows: number }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('mod.reply.message')}
      <textarea name="message" required minLength={2} maxLength={5000} rows={rows} />
    </label>
  );
}
