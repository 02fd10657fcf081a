import './web/zod-jitless.ts';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from 'react-router';
import type { Route } from './+types/root';
import { SiteFooter, SiteHeader } from './components/site-chrome.tsx';
import { elderModeFromRequest } from './web/elder-mode.ts';
import { defaultLocale, detectLocale, translator, type Locale } from './i18n/index.ts';
import { useTranslation } from './i18n/use-translation.ts';
import stylesheet from './styles/app.css?url';
import { useNonce } from './web/nonce.tsx';
import { RequestProblemPage, requestProblemOf } from './web/request-problem.tsx';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export function loader({ request }: Route.LoaderArgs) {
  return { locale: detectLocale(request), elder: elderModeFromRequest(request) };
}

// Errors render in the root boundary, so it forwards the headers of a thrown
// response (a 429's Retry-After) to the document.
export function headers({ errorHeaders }: Route.HeadersArgs) {
  return errorHeaders ?? {};
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData('root') as { locale: Locale; elder: boolean } | undefined;
  const locale = data?.locale ?? defaultLocale;
  const elder = data?.elder ?? false;
  const t = translator(locale);
  const nonce = useNonce();
  return (
    <html lang={locale} className={elder ? 'elder' : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* The nonce passed explicitly: React Router's own (from ServerRouter)
            is undefined in the browser, while the hydrated attribute reads ''
            (browsers hide nonces), and React reports the mismatch. */}
        <Links nonce={nonce} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        <SiteHeader locale={locale} elder={elder} />
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const problem = requestProblemOf(error);
  if (problem) return <RequestProblemPage problem={problem} />;
  if (isRouteErrorResponse(error) && error.status === 429) {
    const seconds = Number((error.data as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 60);
    return (
      <section className="error-page">
        <title>{`${t('limit.title')} · ${t('site.name')}`}</title>
        <h1>{t('limit.title')}</h1>
        <p>{t('limit.detail', { minutes: Math.max(1, Math.ceil(seconds / 60)) })}</p>
        <p>
          <a href="/">{t('error.home')}</a>
        </p>
      </section>
    );
  }
  return (
    <section className="error-page">
      <title>{`${notFound ? t('error.notFound') : t('error.title')} · ${t('site.name')}`}</title>
      <h1>{notFound ? t('error.notFound') : t('error.title')}</h1>
      <p>{notFound ? t('error.notFoundDetail') : t('error.generic')}</p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </section>
  );
}
