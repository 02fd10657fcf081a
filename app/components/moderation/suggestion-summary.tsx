import type { SuggestionView } from '../../domain/moderation/suggestion-detail.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';
import { heldReasonText } from '../../i18n/reason-text.ts';
import { MailIntakeNote } from './mail-intake-note.tsx';

// Why an attachment has no extracted text (app/domain/files/text-extraction.server.ts).
const TEXT_NOTES = {
  zip_limits: 'files.textNote.zip_limits',
  time_limit: 'files.textNote.time_limit',
  memory_limit: 'files.textNote.memory_limit',
} as const;

type Props = { s: SuggestionView; canDownloadEml: boolean };

/** What was submitted, how and when; attachments only as downloads. */
export function SuggestionSummary({ s, canDownloadEml }: Props) {
  const { t } = useTranslation();
  const when = (date: Date | string | null) => (date ? formatChinaDateTime(new Date(date)) : '');
  const meeting = s.intakeMeta.meeting as { name?: string; date?: string } | undefined;
  return (
    <>
      <dl className="summary">
        <dt>{t('mod.detail.code')}</dt>
        <dd>{s.trackingCode}</dd>
        <dt>{t('mod.detail.plan')}</dt>
        <dd>{s.planTitle}</dd>
        <dt>{t('mod.detail.section')}</dt>
        <dd>{s.section ?? t('mod.detail.none')}</dd>
        <dt>{t('mod.detail.category')}</dt>
        <dd>{s.categoryName ?? t('mod.detail.none')}</dd>
        <dt>{t('mod.detail.channel')}</dt>
        <dd>{t(`mod.channel.${s.channel}`)}</dd>
        <dt>{t('mod.detail.submitterType')}</dt>
        <dd>{s.submitterType}</dd>
        <dt>{t('mod.detail.submitted')}</dt>
        <dd>{when(s.submittedAt)}</dd>
        <dt>{t('mod.detail.updated')}</dt>
        <dd>{when(s.updatedAt)}</dd>
        <dt>{t('mod.queue.status')}</dt>
        <dd>
          <strong data-testid="suggestion-status">{t(`status.${s.status}`)}</strong>
        </dd>
        <dt>{t('mod.detail.supports')}</dt>
        <dd>{t('mod.detail.supportCount', { count: s.supportCount })}</dd>
        {s.heldReason && (
          <>
            <dt>{t('mod.detail.held')}</dt>
            <dd>{heldReasonText(t, s.heldReason)}</dd>
          </>
        )}
        {meeting?.name && (
          <>
            <dt>{t('mod.detail.meeting')}</dt>
            <dd>
              {meeting.name} {meeting.date ?? ''}
            </dd>
          </>
        )}
      </dl>
      <h2>{t('mod.detail.body')}</h2>
      <div className="suggestion-body">{s.body}</div>
      {s.attachments.length > 0 && (
        <>
          <h2>{t('mod.detail.attachments')}</h2>
          <ul>
            {s.attachments.map((file) => (
              <li key={file.id}>
                <a href={`/admin/suggestions/${s.id}/attachments/${file.id}`} download>
                  {file.filename}
                </a>{' '}
                <span className="muted">
                  {file.contentType} · {Math.ceil(file.sizeBytes / 1024)} KB
                </span>
                {file.textNote && file.textNote in TEXT_NOTES && (
                  <p className="muted">{t(TEXT_NOTES[file.textNote as keyof typeof TEXT_NOTES])}</p>
                )}
                {file.extractedText && (
                  <details>
                    <summary>{t('mod.detail.extracted')}</summary>
                    <div className="suggestion-body">{file.extractedText}</div>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <MailIntakeNote suggestion={s} />
      {s.email && (
        <section aria-labelledby="email-heading">
          <h2 id="email-heading">{t('mod.detail.email')}</h2>
          {s.email.headers && (
            <dl className="summary">
              <dt>{t('mod.detail.from')}</dt>
              <dd>{s.email.headers.from}</dd>
              <dt>{t('mod.detail.toHeader')}</dt>
              <dd>{s.email.headers.to}</dd>
              <dt>{t('mod.detail.date')}</dt>
              <dd>{when(s.email.headers.date)}</dd>
              <dt>{t('mod.detail.subject')}</dt>
              <dd>{s.email.headers.subject}</dd>
              <dt>{t('mod.detail.messageId')}</dt>
              <dd>
                <code>{s.email.headers.messageId}</code>
              </dd>
            </dl>
          )}
          {canDownloadEml ? (
            <p>
              <a href={`/admin/inbox/${s.email.inboundEmailId}/eml`} download>
                {t('mod.detail.eml')}
              </a>
              {s.email.hasHtml && (
                <>
                  {' · '}
                  <a href={`/admin/inbox/${s.email.inboundEmailId}/html`} target="_blank" rel="noopener noreferrer">
                    {t('mod.detail.emailHtml')}
                  </a>
                </>
              )}
            </p>
          ) : (
            <p className="muted">{t('mod.detail.emlNeedsPermission')}</p>
          )}
        </section>
      )}
    </>
  );
}
