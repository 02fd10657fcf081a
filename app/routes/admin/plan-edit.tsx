import { Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/plan-edit';
import { FieldError } from '../../components/admin/field-error.tsx';
import { PlanForm } from '../../components/admin/plan-form.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import {
  allowedTransitions,
  changePlanStatus,
  getPlanForEditing,
  SlugTakenError,
  updatePlan,
} from '../../domain/plans/manage-plans.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { toChinaLocalInput } from '../../utils/china-time.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { PlanForm as PlanFormSchema } from './plan-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { orRespond } from '../../web/domain-errors.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  invariantResponse(plan);
  return {
    plan: { id: plan.id, slug: plan.slug, status: plan.status },
    values: {
      slug: plan.slug,
      title: plan.title,
      summary: plan.summary,
      organizer: plan.organizer,
      opensAt: toChinaLocalInput(plan.opensAt),
      closesAt: toChinaLocalInput(plan.closesAt),
      emailMarker: plan.emailMarker ?? '',
      bodyMinLength: plan.bodyMinLength,
      bodyMaxLength: plan.bodyMaxLength,
      submitterTypes: plan.submitterTypes.join('\n'),
      allowAnonymous: plan.allowAnonymous,
      shortWindowReason: plan.shortWindowReason ?? '',
      contactRetentionDays: plan.contactRetentionDays,
    },
    transitions: allowedTransitions(plan.status),
    done: new URL(request.url).searchParams.get('done'),
  };
}

const Transition = z.object({ intent: z.enum(['publish', 'close', 'archive']) });

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const id = idParam(params.planId);
  const formData = await readForm(request);
  const ip = context.clientIp;
  if (formData.get('intent') === 'save') {
    const form = parseFormData(formData, PlanFormSchema);
    if (!form.ok) return invalid(form.errors);
    try {
      invariantResponse(await updatePlan(context.db, { id, fields: form.data, viewer, ip }));
    } catch (error) {
      if (error instanceof SlugTakenError) return invalid({ slug: ['taken'] });
      throw error;
    }
    throw redirect(`/admin/plans/${id}?done=saved`);
  }
  const form = parseFormData(formData, Transition);
  if (!form.ok) return invalid(form.errors);
  const result = await orRespond(() => changePlanStatus(context.db, { id, transition: form.data.intent, viewer, ip }));
  if (!result.ok) return invalid({ status: [result.error] });
  throw redirect(`/admin/plans/${id}?done=status`);
}

export default function PlanEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plan } = loaderData;
  const errors = actionData?.errors ?? {};
  return (
    <section>
      <title>{`${loaderData.values.title} · ${t('site.name')}`}</title>
      <p>
        <Link to="/admin/plans">{t('admin.plans.back')}</Link>
      </p>
      <h1>{loaderData.values.title}</h1>
      {loaderData.done && (
        <p className="notice" role="status">
          {t('admin.saved')}
        </p>
      )}
      <nav aria-label={t('admin.plan.parts')} className="button-row">
        <Link to={`/admin/plans/${plan.id}/sections`}>{t('admin.plan.sections')}</Link>
        <Link to={`/admin/plans/${plan.id}/categories`}>{t('admin.plan.categories')}</Link>
        <Link to={`/admin/plans/${plan.id}/tags`}>{t('admin.plan.tags')}</Link>
        {plan.status === 'draft' && <Link to={`/admin/plans/${plan.id}/import`}>{t('admin.plan.import')}</Link>}
        {plan.status !== 'draft' && <Link to={`/admin/plans/${plan.id}/versions`}>{t('versions.admin.link')}</Link>}
        {plan.status !== 'draft' && <Link to={`/plans/${plan.slug}`}>{t('admin.plan.viewPublic')}</Link>}
      </nav>
      <section className="admin-panel" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('admin.plan.status')}</h2>
        <p>{t(`admin.planStatus.${plan.status}`)}</p>
        <FieldError id="status-error" errors={errors} name="status" />
        <Form method="post" className="button-row">
          {loaderData.transitions.map((transition) => (
            <button
              key={transition}
              type="submit"
              name="intent"
              value={transition}
              className="button button--secondary"
            >
              {t(`admin.plan.${transition}`)}
            </button>
          ))}
        </Form>
      </section>
      <section className="admin-panel" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('admin.plan.details')}</h2>
        <PlanForm values={loaderData.values} errors={errors} submitLabel={t('admin.save')} />
      </section>
    </section>
  );
}
