import { Form, Link } from 'react-router';
import type { similarSuggestions } from '../../domain/duplicates/queries.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

type Similar = Awaited<ReturnType<typeof similarSuggestions>>;

/** "Similar suggestions (n)" with scores, the group it belongs to, and "mark all as duplicates of this one". */
export function SimilarPanel({ data, planId, canModerate }: { data: Similar; planId: number; canModerate: boolean }) {
  const { t } = useTranslation();
  const { similar, cluster, supporters } = data;
  return (
    <section className="admin-panel" aria-labelledby="similar-title">
      <h2 id="similar-title">{t('dup.similarTitle', { count: similar.length })}</h2>
      {supporters > 1 && <p>{t('dup.supporters', { count: supporters })}</p>}
      {cluster && (
        <p>
          {t('dup.cluster', { size: cluster.size })}{' '}
          {cluster.campaign && <strong className="badge badge--warning">{t('dup.campaign')}</strong>}{' '}
          <Link to={`/admin/suggestions?plan=${planId}&cluster=${cluster.clusterId}`}>{t('dup.viewCluster')}</Link>
        </p>
      )}
      {similar.length === 0 ? (
        <p className="muted">{t('dup.similarNone')}</p>
      ) : (
        <ul className="similar-list">
          {similar.map((s) => (
            <li key={s.id}>
              <Link to={`/admin/suggestions/${s.id}`}>{s.title}</Link>{' '}
              <span className="muted">
                {`${s.trackingCode} · ${t(`status.${s.status}`)} · ${t('dup.score')} ${Math.round(s.score * 100)}%`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canModerate && cluster && (
        <Form method="post">
          <input type="hidden" name="intent" value="markClusterDuplicates" />
          <p className="muted">{t('dup.markAllHint')}</p>
          <button type="submit" className="button">
            {t('dup.markAll')}
          </button>
        </Form>
      )}
    </section>
  );
}
