import type { AttachmentVerdict } from '../../domain/intake/email/inbound-reasons.ts';
import type { SuggestionView } from '../../domain/moderation/suggestion-detail.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

type NotKept = { index: number; filename: string; verdict: AttachmentVerdict };

/**
 * The note on a suggestion made from a mail whose files did not all go with
 * it: each file left in the stored mail, with why, as a download (never
 * rendered); and a signature the mail carried.
 */
export function MailIntakeNote({ suggestion: s }: { suggestion: SuggestionView }) {
  const { t } = useTranslation();
  const meta = s.intakeMeta as {
    inboundEmailId?: unknown;
    attachmentsNotKept?: NotKept[];
    signature?: 'smime' | 'pgp';
  };
  const notKept = Array.isArray(meta.attachmentsNotKept) ? meta.attachmentsNotKept : [];
  const signature = meta.signature === 'smime' || meta.signature === 'pgp' ? meta.signature : undefined;
  if (s.channel !== 'email' || (notKept.length === 0 && !signature)) return null;
  return (
    <section aria-labelledby="mail-note-heading" className="notice" data-testid="mail-note">
      <h2 id="mail-note-heading">{t('mail.note.title')}</h2>
      {notKept.length > 0 && (
        <>
          <p>{t('mail.note.notKept')}</p>
          <ul>
            {notKept.map((file) => (
              <li key={file.index}>
                {typeof meta.inboundEmailId === 'number' && file.verdict !== 'empty' ? (
                  <a href={`/admin/inbox/${meta.inboundEmailId}/attachments/${file.index}`} download>
                    {file.filename}
                  </a>
                ) : (
                  file.filename
                )}{' '}
                <span className="muted">{t(`mail.attachment.${file.verdict}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {signature && <p>{t(`mail.note.signature.${signature}`)}</p>}
    </section>
  );
}
