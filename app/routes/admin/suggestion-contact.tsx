import { Form, Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/suggestion-contact';
import moderationStyles from '../../styles/moderation.css?url';
import { ContactList, OriginalText } from '../../components/moderation/contact-panel.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { maskedContact } from '../../domain/contacts/contacts.server.ts';
import { revealSuggestionContact } from '../../domain/moderation/reveal-suggestion-contact.server.ts';
import { hasTextOriginal } from '../../domain/contacts/text-originals.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// "Show contact details" with a reason. The detail page posts here with a
// fetcher; without JavaScript this page shows the result itself.
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: moderationStyles }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  await requireUserWithPermission(request, context, 'read:contact:any');
  const id = idParam(params.suggestionId);
  return { id, masked: await maskedContact(context.db, id), textMasked: await hasTextOriginal(context.db, id) };
}

const RevealForm = z.object({ reason: z.string().trim().min(2).max(200) });

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:contact:any');
  const form = parseFormData(await readForm(request), RevealForm);
  if (!form.ok) return invalid(form.errors, { contact: null });
  const contact = await revealSuggestionContact(context.db, {
    suggestionId: idParam(params.suggestionId),
    viewer,
    reason: form.data.reason,
    ip: context.clientIp,
  });
  invariantResponse(contact);
  return { contact, errors: null };
}

export default function SuggestionContact({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const revealed = actionData && 'contact' in actionData ? actionData.contact : null;
  return (
    <section>
      <title>{`${t('mod.detail.contact')} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/suggestions/${loaderData.id}`}>{t('mod.detail.back')}</Link>
      </p>
      <h1>{t('mod.detail.contact')}</h1>
      {revealed ? (
        <>
          <p role="status">{t('mod.detail.revealed')}</p>
          <ContactList contact={revealed} />
          <OriginalText original={revealed.original} mailSubject={revealed.mailSubject} />
        </>
      ) : loaderData.masked || loaderData.textMasked ? (
        <>
          {loaderData.masked && <ContactList contact={loaderData.masked} />}
          {loaderData.textMasked && <p className="muted">{t('mod.detail.textMasked')}</p>}
          <Form method="post" className="admin-form">
            <label>
              {t('mod.detail.revealReason')}
              <input name="reason" required maxLength={200} autoComplete="off" />
            </label>
            <button type="submit" className="button">
              {t('mod.detail.reveal')}
            </button>
          </Form>
        </>
      ) : (
        <p>{t('mod.detail.noContact')}</p>
      )}
    </section>
  );
}
