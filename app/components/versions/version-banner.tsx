import { Link } from 'react-router';
import { useTranslation } from '../../i18n/use-translation.ts';

/**
 * On the plan page: which version is current, with links to it and to the
 * comparison. Section edits show on this page as soon as they are saved, so
 * when the text differs from the current version the banner says so.
 */
export function VersionBanner({
  slug,
  version,
  pendingEdits,
}: {
  slug: string;
  version: { number: number; publishedAt: Date } | null;
  pendingEdits: boolean;
}) {
  const { t, formatDate } = useTranslation();
  if (!version) return null;
  return (
    <div className="version-banner">
      <p>
        <Link to={`/plans/${slug}/versions/${version.number}`}>
          {t('versions.current', { n: version.number, date: formatDate(version.publishedAt) })}
        </Link>
        {version.number > 1 && (
          <>
            {' · '}
            <Link to={`/plans/${slug}/compare?from=${version.number - 1}&to=${version.number}`}>
              {t('versions.compareLink')}
            </Link>
          </>
        )}
      </p>
      {pendingEdits && <p>{t('versions.pendingEdits', { n: version.number })}</p>}
    </div>
  );
}
