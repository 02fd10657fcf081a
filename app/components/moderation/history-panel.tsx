import type { SuggestionForStaff } from '../../domain/moderation/suggestion-detail.server.ts';
import { auditActionText, auditDetailLines } from '../../i18n/audit-text.ts';
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
              {auditActionText(t, entry.action)}
              {auditDetailLines(t, entry.action, entry.details).map((line, i) => (
                <span key={i} className="muted">
                  {' · '}
                  {t('audit.value.pair', { label: line.label, value: line.value })}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
