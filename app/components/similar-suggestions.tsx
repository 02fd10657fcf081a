import { Form } from 'react-router';
import { useTranslation } from '../i18n/use-translation.ts';

export type SimilarItem = { id: number; summary: string; status: string; supporters: number };

/**
 * The answer to "查找相似建议": published suggestions only (their moderator's
 * summary), each with a 附议 button that opens its support page. A plain GET
 * form, so it works without JavaScript and sits outside the suggestion form.
 */
export function SimilarSuggestions({ slug, items }: { slug: string; items: SimilarItem[] }) {
  const { t } = useTranslation();
  return (
    <section className="similar" aria-labelledby="similar-title">
      <h2 id="similar-title" tabIndex={-1}>
        {t('similar.title')}
      </h2>
      <p role="status">{t('similar.reselectFiles')}</p>
      {items.length === 0 ? (
        <p>{t('similar.none')}</p>
      ) : (
        <ol className="similar__list">
          {items.map((item) => (
            <li key={item.id} className="similar__item">
              <SimilarItemText item={item} />
              <Form method="get" action={`/plans/${slug}/support/${item.id}`}>
                <button type="submit" className="button button--secondary">
                  {t('support.button')}
                </button>
              </Form>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What the public may read of a similar suggestion (decision 048): its summary, decision and supporters. */
export function SimilarItemText({ item }: { item: SimilarItem }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{item.summary}</p>
      <p className="muted">
        {t('similar.decision', { status: t(`status.${item.status}` as 'status.received') })}
        {' · '}
        {t('similar.supporters', { count: item.supporters })}
      </p>
    </>
  );
}
