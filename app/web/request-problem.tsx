import { isRouteErrorResponse } from 'react-router';
import { useTranslation } from '../i18n/use-translation.ts';

export type RequestProblem = { problem: 'too_large'; maxBytes: number } | { problem: 'unreadable' };

/** A 413 or 400 thrown by readForm, or undefined for any other error. */
export function requestProblemOf(error: unknown): RequestProblem | undefined {
  if (!isRouteErrorResponse(error) || (error.status !== 413 && error.status !== 400)) return undefined;
  const problem = (error.data as Partial<RequestProblem> | null)?.problem;
  if (problem === 'too_large') return { problem, maxBytes: Number((error.data as { maxBytes?: number }).maxBytes ?? 0) };
  if (problem === 'unreadable') return { problem };
  return undefined;
}

function readableSize(bytes: number) {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}

/** The localized page for a body the server would not read. Nothing in it names an internal code. */
export function RequestProblemPage({ problem }: { problem: RequestProblem }) {
  const { t } = useTranslation();
  const title = problem.problem === 'too_large' ? t('request.tooLarge.title') : t('request.unreadable.title');
  return (
    <section className="error-page">
      <title>{`${title} · ${t('site.name')}`}</title>
      <h1>{title}</h1>
      <p>{problem.problem === 'too_large' ? t('request.tooLarge.detail', { size: readableSize(problem.maxBytes) }) : t('request.unreadable.detail')}</p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </section>
  );
}
