import { Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/plan-tags';
import { FieldError } from '../../components/admin/field-error.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import {
  changeTags,
  listPlanTags,
  TagNameTakenError,
  type TagChange,
} from '../../domain/moderation/manage-tags.server.ts';
import { getPlanForEditing } from '../../domain/plans/manage-plans.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  invariantResponse(plan);
  return { plan: { id: plan.id, title: plan.title }, tags: await listPlanTags(context.db, plan.id) };
}

const name = z.string().trim().min(1).max(40);
const tagId = z.coerce.number().int().positive();
const TagForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), name }),
  z.object({ intent: z.literal('rename'), tagId, name }),
  z.object({ intent: z.literal('merge'), tagId, intoTagId: tagId }),
  z.object({ intent: z.literal('delete'), tagId }),
]);

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const planId = idParam(params.planId);
  const form = parseFormData(await readForm(request), TagForm);
  if (!form.ok) return invalid(form.errors.intoTagId ? { intoTagId: ['choose_tag'] } : form.errors);
  const f = form.data;
  const change: TagChange =
    f.intent === 'add'
      ? { kind: 'add', name: f.name }
      : f.intent === 'rename'
        ? { kind: 'rename', tagId: f.tagId, name: f.name }
        : f.intent === 'merge'
          ? { kind: 'merge', tagId: f.tagId, intoTagId: f.intoTagId }
          : { kind: 'delete', tagId: f.tagId };
  try {
    if (!(await changeTags(context.db, { planId, change, viewer, ip: context.clientIp })))
      return invalid({ intoTagId: ['choose_tag'] });
  } catch (error) {
    if (error instanceof TagNameTakenError) return invalid({ name: ['taken'] });
    throw error;
  }
  throw redirect(`/admin/plans/${planId}/tags`);
}

export default function PlanTags({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors ?? {};
  const { tags } = loaderData;
  return (
    <section>
      <title>{`${t('admin.plan.tags')} · ${loaderData.plan.title} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/plans/${loaderData.plan.id}`}>{loaderData.plan.title}</Link>
      </p>
      <h1>{t('admin.plan.tags')}</h1>
      <p>{t('admin.tag.intro')}</p>
      <p role="alert" className="form-error-slot">
        <FieldError id="name-error" errors={errors} name="name" />
        <FieldError id="merge-error" errors={errors} name="intoTagId" />
      </p>
      {tags.length === 0 ? (
        <p>{t('admin.tag.none')}</p>
      ) : (
        <ul className="edit-list">
          {tags.map((tag) => (
            <li key={tag.id}>
              <Form
                method="post"
                className="admin-form admin-form--inline"
                aria-label={t('admin.tag.formFor', { name: tag.name })}
              >
                <input type="hidden" name="tagId" value={tag.id} />
                <label>
                  {t('admin.tag.name')}
                  <input name="name" defaultValue={tag.name} maxLength={40} />
                </label>
                <span className="field__hint">{t('admin.tag.uses', { count: tag.uses })}</span>
                <button type="submit" name="intent" value="rename" className="button button--secondary">
                  {t('admin.tag.rename')}
                </button>
                <label>
                  {t('admin.tag.mergeInto')}
                  <select name="intoTagId" defaultValue="">
                    <option value="">—</option>
                    {tags
                      .filter((other) => other.id !== tag.id)
                      .map((other) => (
                        <option key={other.id} value={other.id}>
                          {other.name}
                        </option>
                      ))}
                  </select>
                </label>
                <button type="submit" name="intent" value="merge" className="button button--secondary">
                  {t('admin.tag.merge')}
                </button>
                <button type="submit" name="intent" value="delete" className="button button--danger" formNoValidate>
                  {t('admin.tag.delete')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <section className="admin-panel" aria-labelledby="add-tag">
        <h2 id="add-tag">{t('admin.tag.add')}</h2>
        <Form method="post" className="admin-form admin-form--inline">
          <input type="hidden" name="intent" value="add" />
          <label>
            {t('admin.tag.name')}
            <input name="name" required maxLength={40} />
          </label>
          <button type="submit" className="button">
            {t('admin.tag.add')}
          </button>
        </Form>
      </section>
    </section>
  );
}
