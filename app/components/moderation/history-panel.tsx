import type { SuggestionForStaff } from '../../domain/moderation/suggestion-detail.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';

/** This suggestion's audit entries, newest first: reopening keeps what was decided before. */
export function HistoryPanel({ history }: { history: SuggestionForStaff['history'] }) {
  const { t } = useTranslation();
  return (
    <section className="admin-panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('mod.history.title')}</h2>
      {history.length === 0 ? (
        <p>{t('mod.history.empty')}</p>
      ) : (
        <ol className="history">
          {history.map((entry) => (
            <li key={entry.id}>
              {formatChinaDateTime(new Date(entry.at))} · {entry.actorName ?? t('admin.audit.system')} ·{' '}
              <code>{entry.action}</code> <code className="muted">{describe(entry.details, entry.action)}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// The reveal reason is shown only in the audit log itself, not to every reader of the page.
function describe(details: Record<string, unknown>, action: string): string {
  if (action === 'contact.revealed') return '';
  const text = JSON.stringify(details);
  return text === '{}' ? '' : text;
}
