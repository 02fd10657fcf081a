import { redirect } from 'react-router';
import type { Route } from './+types/plan-new';
import { PlanForm } from '../../components/admin/plan-form.tsx';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { createPlan, SlugTakenError } from '../../domain/plans/manage-plans.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { invalid, parseFormData } from '../../web/parse-form.server.ts';
import { PlanForm as PlanFormSchema } from './plan-form.server.ts';
import { readForm } from '../../web/read-form.server.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission(request, context, 'manage:plan:any');
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = await requireUserWithPermission(request, context, 'manage:plan:any');
  const form = parseFormData(await readForm(request), PlanFormSchema);
  if (!form.ok) return invalid(form.errors);
  try {
    const id = await createPlan(context.db, { fields: form.data, viewer, ip: context.clientIp });
    throw redirect(`/admin/plans/${id}?done=created`);
  } catch (error) {
    if (error instanceof SlugTakenError) return invalid({ slug: ['taken'] });
    throw error;
  }
}

const empty = {
  slug: '',
  title: '',
  summary: '',
  organizer: '',
  opensAt: '',
  closesAt: '',
  emailMarker: '',
  bodyMinLength: 10,
  bodyMaxLength: 5000,
  submitterTypes: ['在校学生', '教职工', '校友', '社会人士', '单位或团体'].join('\n'),
  allowAnonymous: false,
  shortWindowReason: '',
  contactRetentionDays: 180,
};

export default function PlanNew({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section>
      <title>{`${t('admin.plans.new')} · ${t('site.name')}`}</title>
      <h1>{t('admin.plans.new')}</h1>
      <PlanForm values={empty} errors={actionData?.errors ?? {}} submitLabel={t('admin.plans.create')} />
    </section>
  );
}
