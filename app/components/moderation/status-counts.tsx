import { Link } from 'react-router';
import type { QueueQuery } from '../../domain/moderation/queue-filter.ts';
import { statuses, type Status } from '../../domain/moderation/statuses.ts';
import { STATUS_COUNT_CAP } from '../../domain/moderation/status-count-cap.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** Counts per status under the other filters; each is a link that narrows the queue to it. */
export function StatusCounts({ counts, query }: { counts: Partial<Record<Status, number>>; query: QueueQuery }) {
  const { t, locale } = useTranslation();
  const href = (status?: Status) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && !['status', 'held', 'after'].includes(key)) params.set(key, String(value));
    }
    if (status) params.set('status', status);
    return `?${params.toString()}`;
  };
  const values = Object.values(counts).map((n) => n ?? 0);
  const total = values.reduce((sum, n) => sum + Math.min(n, STATUS_COUNT_CAP), 0);
  // With a status over the cap, the total is a lower bound too.
  const totalShown = `${total.toLocaleString(locale)}${values.some((n) => n > STATUS_COUNT_CAP) ? '+' : ''}`;
  const current = query.held ? 'pending_verification' : query.status;
  return (
    <nav aria-label={t('mod.queue.counts')} className="status-counts">
      <ul>
        <li>
          <Link to={href()} aria-current={current === undefined ? 'page' : undefined}>
            {t('mod.queue.allStatuses')} <span className="count">{totalShown}</span>
          </Link>
        </li>
        {statuses.map((status) => (
          <li key={status}>
            <Link to={href(status)} aria-current={current === status ? 'page' : undefined}>
              {t(`status.${status}`)} <span className="count">{shown(counts[status] ?? 0, locale)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// A count above the cap (decision 082) reads "10,000+".
function shown(count: number, locale: string): string {
  return count > STATUS_COUNT_CAP ? `${STATUS_COUNT_CAP.toLocaleString(locale)}+` : count.toLocaleString(locale);
}
