import { Form, Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/audit';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { listStaff } from '../../domain/accounts/staff.server.ts';
import { knownAuditActions } from '../../domain/audit/audit-actions.ts';
import { listAuditEntries } from '../../domain/audit/list-audit.server.ts';
import { detailsWithMaskedReason } from '../../domain/contacts/audit-reason.ts';
import { auditActionText, auditDetailLines, auditTargetText } from '../../i18n/audit-text.ts';
import { detectLocale, translator } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { chinaDayStart, formatChinaDateTime } from '../../utils/china-time.ts';

const DAY = 24 * 60 * 60 * 1000;
const AuditQuery = z.object({
  actor: z.coerce.number().int().positive().optional().catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission(request, context, 'read:audit:any');
  const params = new URL(request.url).searchParams;
  const query = AuditQuery.parse(Object.fromEntries([...params].filter(([, v]) => v !== '')));
  const to = query.to ? chinaDayStart(query.to) : null;
  const page = await listAuditEntries(context.db, {
    viewer,
    filter: {
      actorId: query.actor,
      action: query.action,
      from: (query.from && chinaDayStart(query.from)) || undefined,
      // "To" a day includes that whole day.
      to: to ? new Date(to.getTime() + DAY) : undefined,
      before: query.before,
    },
  });
  const staff = (await listStaff(context.db)).map(({ id, name }) => ({ id, name }));
  const names = new Map(staff.map((s) => [s.id, s.name]));
  // Sentences are made here, so the page data carries no stored code either.
  const t = translator(detectLocale(request));
  const entries = page.entries.map((e) => ({
    id: e.id,
    at: formatChinaDateTime(e.at),
    actorName: e.actorName,
    action: auditActionText(t, e.action),
    target: auditTargetText(t, e.targetType, e.targetId),
    // Readers of the log need not hold read:contact:any: a reason is shown masked, older rows' too.
    details: auditDetailLines(t, e.action, detailsWithMaskedReason(e.details), (id) => names.get(id)),
    ipHash: e.ipHash,
  }));
  const next = new URLSearchParams(params);
  if (page.nextBefore) next.set('before', String(page.nextBefore));
  return { entries, staff, query, nextHref: page.nextBefore ? `?${next.toString()}` : null };
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { query } = loaderData;
  return (
    <section>
      <title>{`${t('admin.audit.title')} · ${t('site.name')}`}</title>
      <h1>{t('admin.audit.title')}</h1>
      <Form method="get" className="admin-form admin-form--filters">
        <label>
          {t('admin.audit.actor')}
          <select name="actor" defaultValue={query.actor ?? ''}>
            <option value="">{t('admin.audit.any')}</option>
            {loaderData.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.audit.action')}
          <select name="action" defaultValue={query.action ?? ''}>
            <option value="">{t('admin.audit.any')}</option>
            {knownAuditActions.map((action) => (
              <option key={action} value={action}>
                {auditActionText(t, action)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.audit.from')}
          <input type="date" name="from" defaultValue={query.from ?? ''} />
        </label>
        <label>
          {t('admin.audit.to')}
          <input type="date" name="to" defaultValue={query.to ?? ''} />
        </label>
        <button type="submit" className="button">
          {t('admin.audit.filter')}
        </button>
      </Form>
      {loaderData.entries.length === 0 ? (
        <p className="notice">{t('admin.audit.empty')}</p>
      ) : (
        // Its cells hold no link, so on a narrow screen the region itself takes the focus
        // for keyboard scrolling (WCAG 2.1.1; axe's scrollable-region-focusable).
        <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="admin-table">
            <caption id="audit-caption" className="visually-hidden">
              {t('admin.audit.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.at')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.details')}</th>
                <th scope="col">{t('admin.audit.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.at}</td>
                  <td>{e.actorName ?? t('admin.audit.system')}</td>
                  <td>{e.action}</td>
                  <td>{e.target}</td>
                  <td>
                    {e.details.length > 0 && (
                      <ul className="audit-details">
                        {e.details.map((line, i) => (
                          <li key={i}>{t('audit.value.pair', { label: line.label, value: line.value })}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <code>{e.ipHash?.slice(0, 8) ?? ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaderData.nextHref && (
        <p>
          <Link to={loaderData.nextHref}>{t('admin.audit.older')}</Link>
        </p>
      )}
    </section>
  );
}
