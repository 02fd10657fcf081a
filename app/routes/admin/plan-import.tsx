import { data, Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/plan-import';
import { FieldError } from '../../components/admin/field-error.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { DocxReadError, MAX_DOCX_BYTES, readDocxDraft } from '../../domain/plans/import-docx.server.ts';
import { getPlanForEditing } from '../../domain/plans/manage-plans.server.ts';
import { replaceSections } from '../../domain/plans/manage-sections.server.ts';
import { previewReimport, reimportSections } from '../../domain/plans/reimport-sections.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid } from '../../web/parse-form.server.ts';
import { SectionFieldsSchema } from './section-form.server.ts';
import { FORM_BYTES, readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  invariantResponse(plan);
  return { plan: { id: plan.id, title: plan.title, isDraft: plan.status === 'draft' } };
}

// The preview carries the parsed sections back in a hidden field, so nothing
// is stored until the admin saves; the server validates them again then.
const Sections = z.array(SectionFieldsSchema).max(500);

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const planId = idParam(params.planId);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_DOCX_BYTES + 64 * 1024)
    return invalid({ file: ['too_big'] });
  const formData = await readForm(request, { maxBytes: MAX_DOCX_BYTES + FORM_BYTES });
  if (formData.get('intent') === 'save') {
    let parsed: z.infer<typeof Sections>;
    try {
      parsed = Sections.parse(JSON.parse(String(formData.get('sections') ?? '')));
    } catch {
      return invalid({ file: ['invalid'] });
    }
    // A published plan keeps its matching sections (a revised draft, docs/decisions/050); a draft is replaced.
    const plan = await getPlanForEditing(context.db, { id: planId, viewer });
    invariantResponse(plan);
    if (plan.status !== 'draft') {
      await reimportSections(context.db, { planId, sections: parsed, viewer, ip: context.clientIp });
      throw redirect(`/admin/plans/${planId}/versions`);
    }
    const result = await replaceSections(context.db, { planId, sections: parsed, viewer, ip: context.clientIp });
    if (!result.ok) return invalid({ file: [result.error] });
    throw redirect(`/admin/plans/${planId}/sections`);
  }
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return invalid({ file: ['invalid'] });
  if (file.size > MAX_DOCX_BYTES) return invalid({ file: ['too_big'] });
  try {
    const draft = await readDocxDraft(Buffer.from(await file.arrayBuffer()));
    return data({
      draft,
      reimport: await previewReimport(context.db, { planId, sections: draft.sections }),
      errors: null,
    });
  } catch (error) {
    // A ZIP bomb or a ZIP64 file gets its own sentence; anything else is "not a Word file".
    return invalid({ file: [error instanceof DocxReadError ? error.problem : 'not_docx'] });
  }
}

export default function PlanImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plan } = loaderData;
  const errors = actionData?.errors ?? {};
  const draft = actionData && 'draft' in actionData ? actionData.draft : null;
  // For a published plan: which current section each imported one updates, and which go.
  const reimport = !plan.isDraft && actionData && 'reimport' in actionData ? actionData.reimport : null;
  return (
    <section>
      <title>{`${t('admin.plan.import')} · ${plan.title} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/plans/${plan.id}`}>{plan.title}</Link>
      </p>
      <h1>{t('admin.plan.import')}</h1>
      <p>{t('admin.import.intro')}</p>
      {!plan.isDraft && <p className="notice">{t('versions.import.revised')}</p>}
      <p role="alert" className="form-error-slot">
        <FieldError id="file-error" errors={errors} name="file" />
      </p>
      <Form method="post" encType="multipart/form-data" className="admin-form">
        <input type="hidden" name="intent" value="preview" />
        <label>
          {t('admin.import.file')}
          <input
            type="file"
            name="file"
            required
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          />
        </label>
        <button type="submit" className="button">
          {t('admin.import.preview')}
        </button>
      </Form>
      {draft && (
        <section className="admin-panel" aria-labelledby="import-preview">
          <h2 id="import-preview">{t('admin.import.previewTitle', { count: draft.sections.length })}</h2>
          {draft.preamble && <p className="notice">{t('admin.import.preamble')}</p>}
          <ol className="edit-list">
            {draft.sections.map((s, index) => (
              <li key={index} className={`edit-list__item--level${s.level}`}>
                <strong>
                  {s.number} {s.heading}
                </strong>
                <span className="field-hint">
                  {' '}
                  {t('admin.import.paragraphs', { count: s.bodyMarkdown ? s.bodyMarkdown.split('\n\n').length : 0 })}
                </span>
                {reimport && (
                  <span className="field-hint">
                    {' '}
                    {reimport.matches[index]
                      ? t('versions.import.updates', {
                          name: `${reimport.matches[index]!.number}${reimport.matches[index]!.heading}`,
                        })
                      : t('versions.import.new')}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <Form method="post">
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="sections" value={JSON.stringify(draft.sections)} />
            {reimport && reimport.removed.length > 0 && (
              <>
                <p>{t('versions.import.removed')}</p>
                <ul>
                  {reimport.removed.map((r) => (
                    <li key={r.id}>
                      {r.number} {r.heading}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>{plan.isDraft ? t('admin.import.replaceWarning') : t('versions.import.replaceWarning')}</p>
            <button type="submit" className="button">
              {t('admin.import.save')}
            </button>
          </Form>
        </section>
      )}
    </section>
  );
}
