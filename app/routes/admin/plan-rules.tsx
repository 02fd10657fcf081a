import { Form, Link, redirect } from 'react-router';
import { domainErrorResponse } from '../../web/domain-errors.server.ts';
import { z } from 'zod';
import type { Route } from './+types/plan-rules';
import { FieldError } from '../../components/admin/field-error.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { builtInRules } from '../../domain/categorize/apply-rules.ts';
import { addRule, listRules, removeRule, splitKeywords } from '../../domain/categorize/manage-rules.server.ts';
import { ModerationError } from '../../domain/authorization/moderation-error.ts';
import { listCategories } from '../../domain/plans/manage-categories.server.ts';
import { getPlanForEditing } from '../../domain/plans/manage-plans.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { idParam, invalid, parseFormData } from '../../web/parse-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const plan = await getPlanForEditing(context.db, { id: idParam(params.planId), viewer });
  invariantResponse(plan);
  const [rules, categories] = await Promise.all([listRules(context.db, plan.id), listCategories(context.db, plan.id)]);
  // An entry "食堂|饭堂" reads 食堂（饭堂）: the word and the synonyms that count as it.
  const builtIn = builtInRules(categories).map((rule, i) => ({
    name: categories[i]!.name,
    keywords: rule.keywords.map((entry) => {
      const [head, ...synonyms] = entry.split('|');
      return synonyms.length > 0 ? `${head}（${synonyms.join('、')}）` : head!;
    }),
  }));
  return { plan: { id: plan.id, title: plan.title }, rules, categories, builtIn };
}

const RuleForm = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('add'),
    keywords: z.string().trim().min(1).max(1000),
    categoryId: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
    tagName: z.string().trim().max(40).optional(),
  }),
  z.object({ intent: z.literal('remove'), ruleId: z.coerce.number().int().positive() }),
]);

export async function action({ request, context, params }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const planId = idParam(params.planId);
  const form = parseFormData(await readForm(request), RuleForm);
  if (!form.ok) return invalid(form.errors);
  const f = form.data;
  if (f.intent === 'remove') {
    await removeRule(context.db, { planId, ruleId: f.ruleId, actor: viewer, ip: context.clientIp });
    throw redirect(`/admin/plans/${planId}/rules`);
  }
  const categoryId = f.categoryId ? f.categoryId : null;
  const tagName = f.tagName || null;
  const keywords = splitKeywords(f.keywords);
  if (!categoryId && !tagName) return invalid({ categoryId: ['needTarget'] });
  if (keywords.length === 0) return invalid({ keywords: ['too_small'] });
  try {
    await addRule(context.db, { planId, keywords, categoryId, tagName, actor: viewer, ip: context.clientIp });
  } catch (error) {
    const refused = domainErrorResponse(error);
    if (refused) throw refused;
    if (error instanceof ModerationError) return invalid({ categoryId: ['needTarget'] });
    throw error;
  }
  throw redirect(`/admin/plans/${planId}/rules`);
}

export default function PlanRules({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const { rules, categories, builtIn, plan } = loaderData;
  return (
    <section>
      <title>{`${t('rules.title')} · ${plan.title} · ${t('site.name')}`}</title>
      <p>
        <Link to={`/admin/plans/${plan.id}`}>{plan.title}</Link>
      </p>
      <h1>{t('rules.title')}</h1>
      <p>{t('rules.intro')}</p>
      {errors.categoryId && (
        <p role="alert" className="notice notice--error">
          {t('rules.needTarget')}
        </p>
      )}
      {rules.length === 0 ? (
        <>
          <p className="notice">{t('rules.none')}</p>
          <details>
            <summary>{t('rules.builtIn')}</summary>
            <ul>
              {builtIn.map((b) => (
                <li key={b.name}>
                  {b.name}：{b.keywords.join('、')}
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">{t('rules.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rules.keywords')}</th>
              <th scope="col">{t('rules.category')}</th>
              <th scope="col">{t('rules.tag')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rules.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <td>{rule.keywords.join('、')}</td>
                <td>{rule.categoryName ?? ''}</td>
                <td>{rule.tagName ?? ''}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="ruleId" value={rule.id} />
                    <button type="submit" name="intent" value="remove" className="button button--danger">
                      {t('rules.delete')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="admin-panel" aria-labelledby="add-rule">
        <h2 id="add-rule">{t('rules.add')}</h2>
        <Form method="post" className="admin-form">
          <input type="hidden" name="intent" value="add" />
          <label>
            {t('rules.keywords')}
            <input
              name="keywords"
              required
              maxLength={1000}
              placeholder="师资，教师，人才引进"
              aria-describedby="keywords-error"
            />
          </label>
          <FieldError id="keywords-error" errors={errors} name="keywords" />
          <label>
            {t('rules.category')}
            <select name="categoryId" defaultValue="">
              <option value="">—</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('rules.tag')}
            <input name="tagName" maxLength={40} />
          </label>
          <button type="submit" className="button">
            {t('rules.add')}
          </button>
        </Form>
      </section>
    </section>
  );
}
