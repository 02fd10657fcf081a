import crypto from 'node:crypto';
import { trackUrl as trackUrlOf } from '../../domain/suggestions/track-url.ts';
import { Form, redirect } from 'react-router';
import type { Route } from './+types/intake-new';
import moderationStyles from '../../styles/moderation.css?url';
import { describedBy, FieldError } from '../../components/admin/field-error.tsx';
import { ManualIntakeFields } from '../../components/moderation/manual-intake-fields.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { queueOptions } from '../../domain/moderation/queue-options.server.ts';
import { recordManualSuggestion } from '../../domain/intake/manual/record-manual-suggestion.server.ts';
import { SuggestionRejected } from '../../domain/suggestions/submit-suggestion.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { toChinaLocalInput } from '../../utils/china-time.ts';
import { invalid, parseFormData } from '../../web/parse-form.server.ts';
import { ManualIntakeForm, nextEntryHref } from './intake-new.server.ts';
import { readForm } from '../../web/read-form.server.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: moderationStyles }];

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission(request, context, 'moderate:suggestion:any');
  const params = new URL(request.url).searchParams;
  const planId = Number(params.get('plan')) || undefined;
  const options = await queueOptions(context.db, { planId });
  const plan = options.plans.find((p) => p.id === planId);
  return {
    plans: options.plans,
    plan: plan ?? null,
    categories: plan ? options.categories : [],
    sections: plan ? options.sections : [],
    submitterTypes: options.submitterTypes,
    // A fresh key per form: a double post records one suggestion.
    formKey: crypto.randomUUID(),
    today: toChinaLocalInput(new Date()).slice(0, 10),
    prefill: Object.fromEntries(
      ['channel', 'receivedOn', 'meetingName', 'meetingDate', 'submitterType', 'saved'].map((k) => [
        k,
        params.get(k) ?? '',
      ]),
    ),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'moderate:suggestion:any');
  const form = parseFormData(await readForm(request), ManualIntakeForm);
  if (!form.ok) return invalid(form.errors);
  const f = form.data;
  try {
    const saved = await recordManualSuggestion(context.db, {
      actor: viewer,
      ip: context.clientIp,
      trackUrl: trackUrlOf(context.config.siteUrl),
      input: {
        planId: f.planId,
        channel: f.channel,
        receivedOn: f.receivedOn,
        submitterType: f.submitterType,
        contact: { name: f.name, unit: f.unit, phone: f.phone, email: f.email },
        categoryId: f.categoryId,
        sectionId: f.sectionId,
        title: f.title,
        body: f.body,
        meeting:
          f.channel === 'symposium' && f.meetingName
            ? { name: f.meetingName, date: f.meetingDate ?? f.receivedOn }
            : undefined,
        formKey: f.formKey,
      },
    });
    throw redirect(
      f.intent === 'saveAndNext' ? nextEntryHref(f, saved.trackingCode) : `/admin/suggestions/${saved.id}`,
    );
  } catch (error) {
    if (error instanceof SuggestionRejected) return invalid({ form: [error.reason] });
    throw error;
  }
}

export default function IntakeNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors ?? {};
  const { plan, prefill } = loaderData;
  return (
    <section>
      <title>{`${t('mod.intake.title')} · ${t('site.name')}`}</title>
      <h1>{t('mod.intake.title')}</h1>
      <p>{t('mod.intake.intro')}</p>
      {prefill.saved && (
        <p className="notice" role="status">
          {t('mod.intake.saved', { code: prefill.saved })}
        </p>
      )}
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {t('mod.intake.rejected')}
        </p>
      )}
      {/* Choosing the plan first (a GET) gives its categories and sections, without JavaScript. */}
      <Form method="get" className="admin-form admin-form--inline">
        <label htmlFor="intake-plan">{t('mod.intake.plan')}</label>
        <select
          id="intake-plan"
          name="plan"
          defaultValue={plan?.id ?? ''}
          required
          {...describedBy(errors, 'planId', 'plan-error')}
        >
          <option value="">{t('mod.intake.choosePlan')}</option>
          {loaderData.plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <FieldError id="plan-error" errors={errors} name="planId" />
        <button type="submit" className="button button--secondary">
          {t('mod.intake.choosePlan')}
        </button>
      </Form>
      {plan && <ManualIntakeFields key={loaderData.formKey} data={loaderData} errors={errors} />}
    </section>
  );
}
