import { Form } from 'react-router';
import { useTranslation } from '../../i18n/use-translation.ts';

/**
 * The GET form at the top of a staff page that works on one plan at a time
 * (near-duplicate groups, themes): choose a plan, apply. Without JavaScript
 * it reloads the page with `?plan=`.
 */
export function PlanFilterForm({
  id,
  plans,
  planId,
}: {
  id: string;
  plans: { id: number; title: string }[];
  planId: number | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="admin-form admin-form--filters">
      <div className="filter">
        <label htmlFor={id}>{t('mod.queue.plan')}</label>
        <select id={id} name="plan" defaultValue={planId ?? ''}>
          <option value="">{t('dup.choosePlan')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t('mod.queue.apply')}
      </button>
    </Form>
  );
}
