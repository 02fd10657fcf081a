import type { ReactNode } from 'react';
import type { MailAttachmentSummary } from '../../domain/intake/email/inbound-reasons.ts';
import type { MailPreview } from '../../domain/intake/email/mail-preview.ts';
import { formatBytes, inboundReasonText } from '../../i18n/reason-text.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';

type Row = {
  id: number;
  status: string;
  statusReason: string | null;
  statusDetail: Record<string, string | number> | null;
  subject: string | null;
  sizeBytes: number;
  receivedAt: Date | string;
  preview: MailPreview | null;
  attachmentList: MailAttachmentSummary[] | null;
  cannotRescue: string | null;
  sender: string | null;
};

// Downloadable: anything that is still only in the mail (not a signature, not empty).
const downloadable = (file: MailAttachmentSummary) => file.verdict !== 'signature' && file.verdict !== 'empty';

/** One queued mail as a moderator reads it before deciding: why it waits, its text, its files. */
export function InboxMail({
  row,
  maxBytes,
  canReadContact,
  children,
}: {
  row: Row;
  maxBytes: number;
  canReadContact: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const reason = inboundReasonText(t, row, maxBytes);
  const headingId = `mail-${row.id}`;
  const signature = row.attachmentList?.find((file) => file.verdict === 'signature');
  return (
    <li className="admin-panel">
      <h2 id={headingId}>{row.subject || t('mod.inbox.noSubject')}</h2>
      <dl className="summary">
        <dt>{t('mod.queue.status')}</dt>
        <dd>{t(`mail.status.${row.status as 'held'}`)}</dd>
        <dt>{t('mod.inbox.reason')}</dt>
        <dd data-testid="mail-reason">{reason}</dd>
        <dt>{t('mod.inbox.received')}</dt>
        <dd>{formatChinaDateTime(new Date(row.receivedAt))}</dd>
        {canReadContact && (
          <>
            <dt>{t('mod.inbox.sender')}</dt>
            <dd>{row.sender}</dd>
          </>
        )}
      </dl>
      {row.cannotRescue && (
        <p className="notice" data-testid="mail-cannot">
          {t('mail.queue.cannot', { reason })}
        </p>
      )}
      {canReadContact && row.statusDetail?.error && (
        <details>
          <summary>{t('mail.queue.technical')}</summary>
          <pre>{String(row.statusDetail.error)}</pre>
        </details>
      )}
      <h3>{t('mail.queue.text')}</h3>
      {row.preview ? (
        <>
          <div className="suggestion-body" data-testid="mail-text">
            {row.preview.text || t('mail.queue.emptyText')}
          </div>
          {row.preview.signedBy && <p className="muted">{row.preview.signedBy}</p>}
          <p className="muted">{t('mail.queue.masked')}</p>
        </>
      ) : (
        <p className="muted">{t('mail.queue.noText')}</p>
      )}
      {signature && (
        <p>
          {t('mail.queue.signed', {
            kind: signature.contentType.includes('pgp') || signature.filename.endsWith('.asc') ? 'PGP' : 'S/MIME',
          })}
        </p>
      )}
      <h3>{t('mail.queue.attachments')}</h3>
      {row.attachmentList && row.attachmentList.filter((file) => file.verdict !== 'signature').length > 0 ? (
        <ul data-testid="mail-attachments">
          {row.attachmentList
            .filter((file) => file.verdict !== 'signature')
            .map((file) => (
              <li key={file.index}>
                {downloadable(file) ? (
                  <a href={`/admin/inbox/${row.id}/attachments/${file.index}`} download>
                    {file.filename}
                  </a>
                ) : (
                  file.filename
                )}{' '}
                <span className="muted">
                  {formatBytes(file.sizeBytes)} · {t(`mail.attachment.${file.verdict}`)}
                </span>
              </li>
            ))}
        </ul>
      ) : (
        <p className="muted">{row.attachmentList ? t('mail.queue.noAttachments') : t('mail.queue.noText')}</p>
      )}
      {canReadContact && (
        <p>
          <a href={`/admin/inbox/${row.id}/eml`} download>
            {t('mod.inbox.eml')}
          </a>
        </p>
      )}
      {children}
    </li>
  );
}
