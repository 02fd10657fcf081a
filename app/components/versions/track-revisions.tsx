import type { SuggestionRevision } from '../../domain/versions/queries.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** On /track: where an adopted suggestion changed a revised draft, a link to that change in the comparison table. */
export function TrackRevisions({ revisions }: { revisions: SuggestionRevision[] | undefined }) {
  const { t } = useTranslation();
  if (!revisions?.length) return null;
  return (
    <section aria-labelledby="track-revisions-heading">
      <h3 id="track-revisions-heading">{t('track.revisions')}</h3>
      <p>{t('track.revisionsIntro')}</p>
      <ul>
        {revisions.map((r) => (
          <li key={`${r.version}-${r.sectionKey}`}>
            {/* A document load, not a client navigation: :target (the highlighted row) is set only then. */}
            <a href={`/plans/${r.planSlug}/compare?from=${r.version - 1}&to=${r.version}#change-${r.sectionKey}`}>
              {t('track.revisionLink', { n: r.version, heading: r.heading ?? '' })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
