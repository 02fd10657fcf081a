import { Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/plan-sections';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { getPlanForEditing } from '../../domain/plans/manage-plans.server.ts';
import { addSection, listSections, moveSection, removeSection } from '../../domain/plans/manage-sections.server.ts';
import { MoveButtons } from '../../components/admin/move-buttons.tsx';
import { SectionHeadingFields } from '../../components/admin/section-heading-fields.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { SectionFieldsSchema } from './section-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  invariantResponse(plan);
  const sections = (await listSections(context.db, plan.id)).map(({ bodyMarkdown: _, ...s }) => s);
  return { plan: { id: plan.id, title: plan.title, status: plan.status }, sections };
}

const sectionId = z.coerce.number().int().positive();
const SectionsForm = z.discriminatedUnion('intent', [
  SectionFieldsSchema.extend({ intent: z.literal('add') }),
  z.object({ intent: z.literal('up'), sectionId }),
  z.object({ intent: z.literal('down'), sectionId }),
  z.object({ intent: z.literal('remove'), sectionId }),
]);

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const planId = idParam(params.planId);
  const form = parseFormData(await readForm(request), SectionsForm);
  if (!form.ok) return invalid(form.errors);
  const ip = context.clientIp;
  const f = form.data;
  if (f.intent === 'add') {
    const { intent: _, ...fields } = f;
    const id = await addSection(context.db, { planId, fields, viewer, ip });
    throw redirect(`/admin/plans/${planId}/sections/${id}`);
  }
  const ok =
    f.intent === 'remove'
      ? await removeSection(context.db, { planId, sectionId: f.sectionId, viewer, ip })
      : await moveSection(context.db, { planId, sectionId: f.sectionId, direction: f.intent, viewer, ip });
  invariantResponse(ok);
  throw redirect(`/admin/plans/${planId}/sections`);
}

export default function PlanSections({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plan, sections } = loaderData;
  const errors = actionData?.errors ?? {};
  return (
    <section>
      <title>{`${t('admin.plan.sections')} · ${plan.title} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/plans/${plan.id}`}>{plan.title}</Link>
      </p>
      <h1>{t('admin.plan.sections')}</h1>
      {plan.status !== 'draft' && (
        <p>
          <Link to={`/admin/plans/${plan.id}/versions`}>{t('versions.admin.link')}</Link>
        </p>
      )}
      {sections.length === 0 && <p className="notice">{t('admin.sections.empty')}</p>}
      <ol className="edit-list">
        {sections.map((s, index) => (
          <li key={s.id} className={`edit-list__item--level${s.level}`}>
            <Link to={`/admin/plans/${plan.id}/sections/${s.id}`}>
              {s.number} {s.heading}
            </Link>
            <Form method="post" className="button-row">
              <input type="hidden" name="sectionId" value={s.id} />
              <MoveButtons index={index} count={sections.length} name={`${s.number}${s.heading}`} />
              <button
                type="submit"
                name="intent"
                value="remove"
                className="button button--danger"
                aria-label={t('admin.removeNamed', { name: `${s.number}${s.heading}` })}
              >
                {t('admin.remove')}
              </button>
            </Form>
          </li>
        ))}
      </ol>
      <section className="admin-panel" aria-labelledby="add-section">
        <h2 id="add-section">{t('admin.sections.add')}</h2>
        <Form method="post" className="admin-form admin-form--inline">
          <input type="hidden" name="intent" value="add" />
          <SectionHeadingFields errors={errors} />
          <button type="submit" className="button">
            {t('admin.sections.add')}
          </button>
        </Form>
      </section>
    </section>
  );
}
