import { Form, Link } from 'react-router';
import type { SuggestionView } from '../../domain/moderation/suggestion-detail.server.ts';
import { canMove, decisions, isDecision } from '../../domain/moderation/statuses.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';

export const DECISION_ID = 'decision';

const moves = [
  ['verify', 'mod.detail.verify'],
  ['reject_spam', 'mod.detail.rejectSpam'],
  ['start_review', 'mod.detail.startReview'],
  ['back_to_received', 'mod.detail.backToReceived'],
  ['reopen', 'mod.detail.reopen'],
] as const;

/** Status moves, the decision form and "mark as duplicate"; only what the current status allows is offered. */
export function WorkflowPanel({ s }: { s: SuggestionView }) {
  const { t } = useTranslation();
  const offered = moves.filter(([move]) => {
    if (move === 'verify') return s.status === 'pending_verification';
    if (move === 'reject_spam') return canMove(s.status, 'spam');
    if (move === 'start_review') return s.status === 'received';
    if (move === 'back_to_received') return s.status === 'in_review' || s.status === 'spam';
    return isDecision(s.status) || s.status === 'duplicate';
  });
  const canDecide = decisions.some((d) => canMove(s.status, d));
  return (
    <section className="admin-panel" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">{t('mod.detail.workflow')}</h2>
      {s.duplicateOf && (
        <p>
          {t('mod.duplicate.of')}{' '}
          <Link
            to={`/admin/suggestions/${s.duplicateOf.id}`}
          >{`${s.duplicateOf.trackingCode} ${s.duplicateOf.title}`}</Link>
        </p>
      )}
      {s.duplicates.length > 0 && (
        <>
          <p>{t('mod.duplicate.list')}</p>
          <ul>
            {s.duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/admin/suggestions/${d.id}`}>{`${d.trackingCode} ${d.title}`}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {isDecision(s.status) && s.decidedAt && (
        <p>
          {t('mod.decide.current', {
            status: t(`status.${s.status}`),
            date: formatChinaDateTime(new Date(s.decidedAt)),
          })}
        </p>
      )}
      {offered.length > 0 && (
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="move" />
          {offered.map(([move, label]) => (
            <button key={move} type="submit" name="move" value={move} className="button button--secondary">
              {t(label)}
            </button>
          ))}
        </Form>
      )}
      {canDecide && (
        <Form method="post" className="admin-form" aria-labelledby="decide-heading">
          <h3 id="decide-heading">{t('mod.decide.title')}</h3>
          <input type="hidden" name="intent" value="decide" />
          <label>
            {t('mod.decide.decision')}
            <select id={DECISION_ID} name="decision" defaultValue="adopted">
              {decisions.map((d) => (
                <option key={d} value={d}>
                  {t(`status.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('mod.decide.reason')}
            <textarea
              name="reason"
              required
              minLength={2}
              maxLength={2000}
              rows={3}
              defaultValue={s.decisionReason ?? ''}
            />
          </label>
          <label>
            {t('mod.decide.publicReply')}
            <textarea name="publicReply" maxLength={2000} rows={3} defaultValue={s.publicReply ?? ''} />
          </label>
          <label>
            {t('mod.decide.publicSummary')}
            <textarea name="publicSummary" maxLength={500} rows={2} defaultValue={s.publicSummary ?? ''} />
          </label>
          <label className="checkbox">
            <input type="checkbox" name="publishable" defaultChecked={s.publishable} /> {t('mod.decide.publishable')}
          </label>
          <button type="submit" className="button">
            {t('mod.decide.submit')}
          </button>
        </Form>
      )}
      {canMove(s.status, 'duplicate') && (
        <Form method="post" className="admin-form admin-form--inline" aria-labelledby="duplicate-heading">
          <h3 id="duplicate-heading">{t('mod.duplicate.title')}</h3>
          <input type="hidden" name="intent" value="duplicate" />
          <label>
            {t('mod.duplicate.original')}
            <input name="original" required maxLength={40} autoComplete="off" />
          </label>
          <button type="submit" className="button button--secondary">
            {t('mod.duplicate.submit')}
          </button>
        </Form>
      )}
    </section>
  );
}
