import { useFetcher } from 'react-router';
import type { MaskedContact, RevealedContact } from '../../domain/contacts/contacts.server.ts';
import type { RevealedSuggestionContact } from '../../domain/moderation/reveal-suggestion-contact.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

type RevealResult = { contact: RevealedSuggestionContact | null; errors: Record<string, string[]> | null };

/**
 * Masked details for every staff member; holders of read:contact:any give a
 * reason and see them in clear. With JavaScript the reveal happens in place
 * (a fetcher); without, the form opens the contact page.
 */
export function ContactPanel({
  suggestionId,
  masked,
  textMasked,
  canReveal,
}: {
  suggestionId: number;
  masked: MaskedContact | null;
  /** Contact details in the suggestion's text were masked; the reveal shows the original too. */
  textMasked: boolean;
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<RevealResult>();
  const revealed = fetcher.data?.contact;
  const anything = Boolean(masked) || textMasked;
  return (
    <section className="admin-panel" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('mod.detail.contact')}</h2>
      {revealed ? (
        <>
          <p role="status">{t('mod.detail.revealed')}</p>
          <ContactList contact={revealed} />
          <OriginalText original={revealed.original} mailSubject={revealed.mailSubject} />
        </>
      ) : masked ? (
        <ContactList contact={masked} />
      ) : (
        !textMasked && <p>{t('mod.detail.noContact')}</p>
      )}
      {textMasked && !revealed && <p className="muted">{t('mod.detail.textMasked')}</p>}
      {anything && !revealed && canReveal && (
        <fetcher.Form
          method="post"
          action={`/admin/suggestions/${suggestionId}/contact`}
          className="admin-form admin-form--inline"
        >
          <label>
            {t('mod.detail.revealReason')}
            <input name="reason" required maxLength={200} autoComplete="off" />
          </label>
          <button type="submit" className="button button--secondary">
            {t('mod.detail.reveal')}
          </button>
        </fetcher.Form>
      )}
      {anything && !canReveal && <p className="muted">{t('mod.detail.revealNeedsPermission')}</p>}
    </section>
  );
}

/** The suggestion's words as written, before contact details in them were masked; a mail's subject as sent. */
export function OriginalText({
  original,
  mailSubject,
}: {
  original: RevealedContact['original'];
  mailSubject?: string;
}) {
  const { t } = useTranslation();
  if (!original && !mailSubject) return null;
  const parts: [string, string][] = [];
  if (mailSubject) parts.push([t('mod.detail.originalSubject'), mailSubject]);
  if (original?.title) parts.push([t('mod.detail.originalTitle'), original.title]);
  if (original?.body) parts.push([t('mod.detail.originalBody'), original.body]);
  for (const file of original?.attachments ?? []) parts.push([t('mod.detail.originalAttachment'), file.text]);
  for (const file of original?.attachmentNames ?? []) parts.push([t('mod.detail.originalFileName'), file.name]);
  return (
    <div data-testid="original-text">
      <h3>{t('mod.detail.originalText')}</h3>
      {parts.map(([label, text], index) => (
        <figure key={index}>
          <figcaption>{label}</figcaption>
          <p className="suggestion-body">{text}</p>
        </figure>
      ))}
    </div>
  );
}

export function ContactList({ contact }: { contact: RevealedContact | MaskedContact }) {
  const { t } = useTranslation();
  const rows: [string, string | null | undefined][] = [
    [t('mod.detail.name'), contact.name],
    [t('mod.detail.unit'), contact.unit],
    [t('mod.detail.phone'), contact.phone],
    [t('mod.detail.emailAddress'), contact.email],
  ];
  return (
    <dl className="summary" data-testid="contact-details">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
