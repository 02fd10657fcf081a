import { sql } from 'drizzle-orm';
import type { AppLoadContext } from 'react-router';
import { detectLocale, translator } from '../i18n/index.ts';

// While PostgreSQL is away (restarting, failing over, network cut), a page
// that needs it is a 503 with Retry-After, not a 500: the condition is
// temporary, clients and proxies may retry, and the reader is told so in plain
// words. The process stays up and recovers by itself: postgres.js reconnects
// on the next query. Checked only after a request already failed, so a
// healthy portal pays nothing. See docs/decisions/078-faults-survived.md and
// 091 (the error itself decides first; single-fetch *.data requests too).

export const RETRY_AFTER_SECONDS = 30;
const PROBE_TIMEOUT_MS = 1500;

// SQLSTATE classes and postgres.js codes that mean "the server is not there
// (or is going/coming)", as opposed to a bad query: 08 connection exception,
// 57P01-57P03 admin shutdown / crash shutdown / cannot connect now (starting).
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/** Whether an error (or one it wraps, as Drizzle does) says the database connection failed. */
export function isDatabaseConnectionError(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const connectionFailures = new WeakSet<object>();

/** Called from handleError: this request failed on the database connection itself. */
export function noteRequestFailure(context: object, error: unknown): void {
  if (isDatabaseConnectionError(error)) connectionFailures.add(context);
}

/**
 * Why a failed request failed, decided by the error first and by a probe only
 * when the error does not say: a probe alone was racy, since a query that
 * failed while PostgreSQL was down could be probed just after it came back
 * (and answered 500), the cause of the database-restart fault test's flakes.
 */
async function failedOnDatabase(context: AppLoadContext): Promise<boolean> {
  return connectionFailures.has(context) || !(await databaseAnswers(context));
}

const unavailableHeaders = {
  'Retry-After': String(RETRY_AFTER_SECONDS),
  'Cache-Control': 'no-store',
};

/** A 503 page when a failed request failed because the database is unreachable. */
export async function databaseUnavailableResponse(
  request: Request,
  context: AppLoadContext,
): Promise<Response | undefined> {
  if (!(await failedOnDatabase(context))) return undefined;
  context.log.warn({ path: new URL(request.url).pathname }, 'database unavailable: answered 503');
  return new Response(page(request), {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...unavailableHeaders },
  });
}

/**
 * The same for a single-fetch `*.data` request (client-side navigation and
 * form posts): 503 with Retry-After instead of 500. The body stays React
 * Router's own encoding of the (sanitized) error, so the client decodes it
 * and shows the route's error boundary rather than failing to parse a page.
 */
export async function databaseUnavailableDataResponse(
  response: Response,
  request: Request,
  context: AppLoadContext,
): Promise<Response> {
  if (response.status < 500 || !(await failedOnDatabase(context))) return response;
  context.log.warn({ path: new URL(request.url).pathname }, 'database unavailable: answered 503 to a data request');
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(unavailableHeaders)) headers.set(name, value);
  return new Response(response.body, { status: 503, headers });
}

// Both pools: a page served from the replica (DATABASE_REPLICA_URL) fails
// while the replica is away even though the primary answers.
async function databaseAnswers({ db, readDb }: AppLoadContext): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
  const answers = (pool: AppLoadContext['db']) =>
    pool.execute(sql`select 1`).then(
      () => true,
      () => false,
    );
  const probe = Promise.all([answers(db), readDb && readDb !== db ? answers(readDb) : true]).then((both) =>
    both.every(Boolean),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Static on purpose: rendering the app's layout may itself need the database.
function page(request: Request): string {
  const locale = detectLocale(request);
  const t = translator(locale);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('unavailable.title')} · ${t('site.name')}</title></head>
<body><main><h1>${t('unavailable.title')}</h1><p>${t('unavailable.detail')}</p><p><a href="">${t('unavailable.retry')}</a></p></main></body></html>`;
}
