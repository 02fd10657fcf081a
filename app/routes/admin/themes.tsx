import { Form, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/themes';
import { FieldError } from '../../components/admin/field-error.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { can } from '../../domain/authorization/actor.ts';
import { queueOptions } from '../../domain/moderation/queue-options.server.ts';
import {
  acceptTheme,
  listThemes,
  mergeTheme,
  rejectTheme,
  renameTheme,
  ThemeActionError,
} from '../../domain/themes/moderate-themes.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { PlanFilterForm } from '../../components/admin/plan-filter-form.tsx';

// Themes proposed while a consultation is open (decision 047). Moderators
// accept, rename, merge or reject them with plain forms (no JavaScript
// needed); the domain checks the permission and that every theme posted
// belongs to the plan posted.

const Query = z.object({
  plan: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:suggestion:any');
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const options = await queueOptions(context.db, {});
  const planId = query.plan ?? (options.plans.length === 1 ? options.plans[0]!.id : undefined);
  const themes = planId ? await listThemes(context.db, { planId, viewer }) : [];
  return { plans: options.plans, planId: planId ?? null, themes, canModerate: can(viewer, 'moderate:suggestion:any') };
}

const id = z.coerce.number().int().positive().max(2_147_483_647);
const label = z.string().trim().min(1).max(40);
const ThemeForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept'), planId: id, themeId: id, label: label.optional() }),
  z.object({ intent: z.literal('rename'), planId: id, themeId: id, label }),
  z.object({ intent: z.literal('merge'), planId: id, themeId: id, intoId: id }),
  z.object({ intent: z.literal('reject'), planId: id, themeId: id }),
]);

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireUserWithPermission(request, context, 'moderate:suggestion:any');
  const form = parseFormData(await readForm(request), ThemeForm);
  if (!form.ok) return invalid(form.errors.intoId ? { intoId: ['choose_theme'] } : form.errors);
  const f = form.data;
  const act = { planId: f.planId, themeId: f.themeId, actor, ip: context.clientIp };
  try {
    if (f.intent === 'accept') await acceptTheme(context.db, { ...act, label: f.label });
    else if (f.intent === 'rename') await renameTheme(context.db, { ...act, label: f.label });
    else if (f.intent === 'merge') await mergeTheme(context.db, { ...act, intoId: f.intoId });
    else await rejectTheme(context.db, act);
  } catch (error) {
    if (!(error instanceof ThemeActionError)) throw error;
    if (error.reason === 'name_taken') return invalid({ label: ['taken'] });
    if (error.reason === 'same_theme') return invalid({ intoId: ['choose_theme'] });
    return invalid({ themeId: ['theme_gone'] });
  }
  throw redirect(`/admin/themes?plan=${f.planId}`);
}

export default function Themes({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plans, planId, themes, canModerate } = loaderData;
  const errors = actionData?.errors ?? {};
  const open = themes.filter((th) => th.status === 'proposed' || th.status === 'accepted');
  const closed = themes.filter((th) => th.status === 'rejected' || th.status === 'merged');
  return (
    <section>
      <title>{`${t('themes.title')} · ${t('site.name')}`}</title>
      <h1>{t('themes.title')}</h1>
      <PlanFilterForm id="themes-plan" plans={plans} planId={planId} />
      <p>{t('themes.intro')}</p>
      <p role="alert" className="form-error-slot">
        <FieldError id="label-error" errors={errors} name="label" />
        <FieldError id="into-error" errors={errors} name="intoId" />
        <FieldError id="theme-error" errors={errors} name="themeId" />
      </p>
      {planId && themes.length === 0 && <p className="notice">{t('themes.none')}</p>}
      <ul className="edit-list">
        {open.map((theme) => (
          <li key={theme.id}>
            <h2>
              {theme.label}{' '}
              <span className="muted">
                {theme.status === 'accepted'
                  ? t('themes.accepted', { count: theme.tagged })
                  : t('themes.proposed', { count: theme.size })}
              </span>
            </h2>
            <p>{t('themes.terms', { terms: theme.terms.join('、') })}</p>
            <blockquote>{theme.representative}</blockquote>
            {canModerate && (
              <Form
                method="post"
                className="admin-form admin-form--inline"
                aria-label={t('themes.formFor', { name: theme.label })}
              >
                <input type="hidden" name="planId" value={planId ?? ''} />
                <input type="hidden" name="themeId" value={theme.id} />
                <label>
                  {t('themes.name')}
                  <input name="label" defaultValue={theme.label} maxLength={40} />
                </label>
                {theme.status === 'proposed' && (
                  <button type="submit" name="intent" value="accept" className="button">
                    {t('themes.accept')}
                  </button>
                )}
                <button type="submit" name="intent" value="rename" className="button button--secondary">
                  {t('themes.rename')}
                </button>
                <label>
                  {t('themes.mergeInto')}
                  <select name="intoId" defaultValue="">
                    <option value="">—</option>
                    {open
                      .filter((other) => other.id !== theme.id)
                      .map((other) => (
                        <option key={other.id} value={other.id}>
                          {other.label}
                        </option>
                      ))}
                  </select>
                </label>
                <button type="submit" name="intent" value="merge" className="button button--secondary">
                  {t('themes.merge')}
                </button>
                {theme.status === 'proposed' && (
                  <button type="submit" name="intent" value="reject" className="button button--danger">
                    {t('themes.reject')}
                  </button>
                )}
              </Form>
            )}
          </li>
        ))}
      </ul>
      {closed.length > 0 && (
        <details>
          <summary>{t('themes.closed', { count: closed.length })}</summary>
          <ul>
            {closed.map((theme) => (
              <li key={theme.id}>
                {theme.label}（{theme.status === 'merged' ? t('themes.wasMerged') : t('themes.wasRejected')}）
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
