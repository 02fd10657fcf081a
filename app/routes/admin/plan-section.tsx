import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/plan-section';
import { SectionHeadingFields } from '../../components/admin/section-heading-fields.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { getPlanForEditing } from '../../domain/plans/manage-plans.server.ts';
import { getSection, updateSection } from '../../domain/plans/manage-sections.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { renderMarkdown } from '../../utils/markdown.server.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { SectionFieldsSchema } from './section-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  const section = plan && (await getSection(context.db, { planId: plan.id, sectionId: idParam(params.sectionId) }));
  invariantResponse(plan && section);
  return {
    plan: { id: plan.id, title: plan.title },
    section: {
      id: section.id,
      level: section.level,
      number: section.number,
      heading: section.heading,
      bodyMarkdown: section.bodyMarkdown,
    },
    done: new URL(request.url).searchParams.get('done'),
  };
}

// "Preview" renders the submitted text exactly as the public page will (same
// sanitizer) without saving it; it works without JavaScript.
export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const planId = idParam(params.planId);
  const sectionId = idParam(params.sectionId);
  const formData = await readForm(request);
  const form = parseFormData(formData, SectionFieldsSchema);
  if (!form.ok) return invalid(form.errors);
  if (formData.get('intent') === 'preview') {
    return data({ preview: renderMarkdown(form.data.bodyMarkdown), draft: form.data, errors: null });
  }
  invariantResponse(
    await updateSection(context.db, { planId, sectionId, fields: form.data, viewer, ip: context.clientIp }),
  );
  throw redirect(`/admin/plans/${planId}/sections/${sectionId}?done=saved`);
}

export default function PlanSection({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plan } = loaderData;
  const errors = actionData?.errors ?? {};
  const preview = actionData && 'preview' in actionData ? actionData : null;
  // After a preview the form keeps what was typed, not what is saved.
  const values = preview?.draft ?? loaderData.section;
  return (
    <section>
      <title>{`${values.heading} · ${plan.title} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/plans/${plan.id}/sections`}>{t('admin.plan.sections')}</Link>
      </p>
      <h1>
        {values.number} {values.heading}
      </h1>
      {loaderData.done && !preview && (
        <p className="notice" role="status">
          {t('admin.saved')}
        </p>
      )}
      <Form method="post" className="admin-form" key={preview ? 'preview' : 'saved'}>
        <SectionHeadingFields errors={errors} values={values} />
        <label>
          {t('admin.section.body')}
          <textarea name="bodyMarkdown" rows={16} defaultValue={values.bodyMarkdown} className="markdown-input" />
          <span className="field-hint">{t('admin.section.markdownHint')}</span>
        </label>
        <div className="button-row">
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            {t('admin.section.preview')}
          </button>
          <button type="submit" name="intent" value="save" className="button">
            {t('admin.save')}
          </button>
        </div>
      </Form>
      {preview && (
        <section className="admin-panel" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('admin.section.previewTitle')}</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: preview.preview }} />
        </section>
      )}
    </section>
  );
}
