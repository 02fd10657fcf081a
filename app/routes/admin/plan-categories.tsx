import { Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/plan-categories';
import { FieldError } from '../../components/admin/field-error.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import {
  CategoryNameTakenError,
  changeCategories,
  listCategories,
  type CategoryChange,
} from '../../domain/plans/manage-categories.server.ts';
import { getPlanForEditing } from '../../domain/plans/manage-plans.server.ts';
import { MoveButtons } from '../../components/admin/move-buttons.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  invariantResponse(plan);
  return { plan: { id: plan.id, title: plan.title }, categories: await listCategories(context.db, plan.id) };
}

const name = z.string().trim().min(1).max(60);
const nameEn = z
  .string()
  .trim()
  .max(80)
  .optional()
  .transform((v) => v || null);
const categoryId = z.coerce.number().int().positive();
const CategoryForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), name, nameEn }),
  z.object({ intent: z.literal('rename'), categoryId, name, nameEn }),
  z.object({ intent: z.literal('up'), categoryId }),
  z.object({ intent: z.literal('down'), categoryId }),
  z.object({ intent: z.literal('remove'), categoryId }),
]);

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const planId = idParam(params.planId);
  const form = parseFormData(await readForm(request), CategoryForm);
  if (!form.ok) return invalid(form.errors);
  const f = form.data;
  const change: CategoryChange =
    f.intent === 'add'
      ? { kind: 'add', name: f.name, nameEn: f.nameEn }
      : f.intent === 'rename'
        ? { kind: 'rename', categoryId: f.categoryId, name: f.name, nameEn: f.nameEn }
        : f.intent === 'remove'
          ? { kind: 'remove', categoryId: f.categoryId }
          : { kind: 'move', categoryId: f.categoryId, direction: f.intent };
  try {
    invariantResponse(await changeCategories(context.db, { planId, change, viewer, ip: context.clientIp }));
  } catch (error) {
    if (error instanceof CategoryNameTakenError) return invalid({ name: ['taken'] });
    throw error;
  }
  throw redirect(`/admin/plans/${planId}/categories`);
}

export default function PlanCategories({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors ?? {};
  const { categories } = loaderData;
  return (
    <section>
      <title>{`${t('admin.plan.categories')} · ${loaderData.plan.title} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/plans/${loaderData.plan.id}`}>{loaderData.plan.title}</Link>
      </p>
      <h1>{t('admin.plan.categories')}</h1>
      <p>
        <Link to={`/admin/plans/${loaderData.plan.id}/rules`}>{t('rules.title')}</Link>
      </p>
      <p role="alert" className="form-error-slot">
        <FieldError id="name-error" errors={errors} name="name" />
      </p>
      <ol className="edit-list">
        {categories.map((c, index) => (
          <li key={c.id}>
            <Form method="post" className="admin-form admin-form--inline">
              <input type="hidden" name="categoryId" value={c.id} />
              <label>
                {t('admin.category.name')}
                <input name="name" defaultValue={c.name} required maxLength={60} />
              </label>
              <label>
                {t('admin.category.nameEn')}
                <input name="nameEn" defaultValue={c.nameEn ?? ''} maxLength={80} lang="en" />
              </label>
              <button type="submit" name="intent" value="rename" className="button button--secondary">
                {t('admin.save')}
              </button>
              <MoveButtons index={index} count={categories.length} name={c.name} />
              <button type="submit" name="intent" value="remove" className="button button--danger" formNoValidate>
                {t('admin.remove')}
              </button>
            </Form>
          </li>
        ))}
      </ol>
      <section className="admin-panel" aria-labelledby="add-category">
        <h2 id="add-category">{t('admin.category.add')}</h2>
        <Form method="post" className="admin-form admin-form--inline">
          <input type="hidden" name="intent" value="add" />
          <label>
            {t('admin.category.name')}
            <input name="name" required maxLength={60} />
          </label>
          <label>
            {t('admin.category.nameEn')}
            <input name="nameEn" maxLength={80} lang="en" />
          </label>
          <button type="submit" className="button">
            {t('admin.category.add')}
          </button>
        </Form>
      </section>
    </section>
  );
}
