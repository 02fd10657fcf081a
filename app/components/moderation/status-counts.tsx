import { Link } from 'react-router';
import type { QueueQuery } from '../../domain/moderation/queue-filter.ts';
import { statuses, type Status } from '../../domain/moderation/statuses.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** Counts per status under the other filters; each is a link that narrows the queue to it. */
export function StatusCounts({ counts, query }: { counts: Partial<Record<Status, number>>; query: QueueQuery }) {
  const { t } = useTranslation();
  const href = (status?: Status) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && !['status', 'held', 'after'].includes(key)) params.set(key, String(value));
    }
    if (status) params.set('status', status);
    return `?${params.toString()}`;
  };
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const current = query.held ? 'pending_verification' : query.status;
  return (
    <nav aria-label={t('mod.queue.counts')} className="status-counts">
      <ul>
        <li>
          <Link to={href()} aria-current={current === undefined ? 'page' : undefined}>
            {t('mod.queue.allStatuses')} <span className="count">{total}</span>
          </Link>
        </li>
        {statuses.map((status) => (
          <li key={status}>
            <Link to={href(status)} aria-current={current === status ? 'page' : undefined}>
              {t(`status.${status}`)} <span className="count">{counts[status] ?? 0}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
