import { Form } from 'react-router';
import type { openProposal } from '../../domain/categorize/proposals.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

type Proposal = NonNullable<Awaited<ReturnType<typeof openProposal>>>;

/** The rules' and classifier's proposal: never applied until a moderator clicks. */
export function ProposalPanel({ proposal, canModerate }: { proposal: Proposal; canModerate: boolean }) {
  const { t } = useTranslation();
  const percent = (n: number | null) => `${Math.round((n ?? 0) * 100)}%`;
  const source = t(`proposal.source.${proposal.source}` as 'proposal.source.rule');
  return (
    <section className="admin-panel" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">{t('proposal.title')}</h2>
      {proposal.categoryName && (
        <p>
          {proposal.prefilled
            ? t('proposal.prefilled', { name: proposal.categoryName })
            : t('proposal.category', { name: proposal.categoryName })}{' '}
          <span className="muted">{t('proposal.confidence', { percent: percent(proposal.confidence), source })}</span>
        </p>
      )}
      {proposal.categoryName && (
        <p className="muted">
          {proposal.matchedWords.length > 0
            ? t('proposal.why', { words: proposal.matchedWords.join('、') })
            : t('proposal.whyClassifier')}
        </p>
      )}
      {proposal.tags.length > 0 && (
        <p>
          {t('proposal.tags')} {proposal.tags.map((tag) => `${tag.name}（${percent(tag.confidence)}）`).join('、')}
        </p>
      )}
      {canModerate && (
        <Form method="post" className="button-row">
          <button type="submit" name="intent" value="acceptProposal" className="button">
            {proposal.prefilled ? t('proposal.confirm') : t('proposal.accept')}
          </button>
          <button type="submit" name="intent" value="dismissProposal" className="link-button">
            {t('proposal.dismiss')}
          </button>
        </Form>
      )}
    </section>
  );
}
