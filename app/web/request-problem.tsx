import { isRouteErrorResponse } from 'react-router';
import { isLocale, translator, type Locale } from '../i18n/index.ts';
import { useTranslation } from '../i18n/use-translation.ts';

// The locale travels with the problem: when an action throws, the root
// loader (which detects the locale) does not run for the error page.
export type RequestProblem = ({ problem: 'too_large'; maxBytes: number } | { problem: 'unreadable' }) & {
  locale?: Locale;
};

/** A 413 or 400 thrown by readForm, or undefined for any other error. */
export function requestProblemOf(error: unknown): RequestProblem | undefined {
  if (!isRouteErrorResponse(error) || (error.status !== 413 && error.status !== 400)) return undefined;
  const sent = error.data as { problem?: unknown; maxBytes?: unknown; locale?: unknown } | null;
  const locale = isLocale(sent?.locale) ? sent.locale : undefined;
  if (sent?.problem === 'too_large') return { problem: 'too_large', maxBytes: Number(sent.maxBytes ?? 0), locale };
  if (sent?.problem === 'unreadable') return { problem: 'unreadable', locale };
  return undefined;
}

export function readableSize(bytes: number) {
  return bytes >= 1024 * 1024
    ? `${Math.floor(bytes / (1024 * 1024))} MB`
    : `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}

/** The localized page for a body the server would not read. Nothing in it names an internal code. */
export function RequestProblemPage({ problem }: { problem: RequestProblem }) {
  const { locale } = useTranslation();
  const t = translator(problem.locale ?? locale);
  const title = problem.problem === 'too_large' ? t('request.tooLarge.title') : t('request.unreadable.title');
  return (
    <section className="error-page">
      <title>{`${title} · ${t('site.name')}`}</title>
      <h1>{title}</h1>
      <p>
        {problem.problem === 'too_large'
          ? t('request.tooLarge.detail', { size: readableSize(problem.maxBytes) })
          : t('request.unreadable.detail')}
      </p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </section>
  );
}
