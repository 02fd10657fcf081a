import { sql } from 'drizzle-orm';
import type { AppLoadContext } from 'react-router';
import { detectLocale, translator } from '../i18n/index.ts';

// While PostgreSQL is away (restarting, failing over, network cut), a page
// that needs it is a 503 with Retry-After, not a 500: the condition is
// temporary, clients and proxies may retry, and the reader is told so in plain
// words. The process stays up and recovers by itself: postgres.js reconnects
// on the next query. Checked only after a request already failed, so a
// healthy portal pays nothing. See docs/decisions/078-faults-survived.md.

export const RETRY_AFTER_SECONDS = 30;
const PROBE_TIMEOUT_MS = 1500;

/** A 503 page when a failed request failed because the database is unreachable. */
export async function databaseUnavailableResponse(
  request: Request,
  context: AppLoadContext,
): Promise<Response | undefined> {
  if (await databaseAnswers(context)) return undefined;
  context.log.warn({ path: new URL(request.url).pathname }, 'database unavailable: answered 503');
  return new Response(page(request), {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    },
  });
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
  const probe = Promise.all([answers(db), readDb && readDb !== db ? answers(readDb) : true]).then((both) => both.every(Boolean));
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
