import { useFetcher } from 'react-router';
import type { ContactDetails, MaskedContact } from '../../domain/contacts/contacts.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

type RevealResult = { contact: ContactDetails | null; errors: Record<string, string[]> | null };

/**
 * Masked details for every staff member; holders of read:contact:any give a
 * reason and see them in clear. With JavaScript the reveal happens in place
 * (a fetcher); without, the form opens the contact page.
 */
export function ContactPanel({
  suggestionId,
  masked,
  canReveal,
}: {
  suggestionId: number;
  masked: MaskedContact | null;
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<RevealResult>();
  const revealed = fetcher.data?.contact;
  return (
    <section className="admin-panel" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('mod.detail.contact')}</h2>
      {revealed ? (
        <>
          <p role="status">{t('mod.detail.revealed')}</p>
          <ContactList contact={revealed} />
        </>
      ) : masked ? (
        <ContactList contact={masked} />
      ) : (
        <p>{t('mod.detail.noContact')}</p>
      )}
      {masked && !revealed && canReveal && (
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
      {masked && !canReveal && <p className="muted">{t('mod.detail.revealNeedsPermission')}</p>}
    </section>
  );
}

export function ContactList({ contact }: { contact: ContactDetails | MaskedContact }) {
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
