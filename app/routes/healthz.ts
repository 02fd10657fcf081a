import { sql } from 'drizzle-orm';
import type { Route } from './+types/healthz';

const TIMEOUT_MS = 2000;

// For load balancers and uptime checks: 200 when PostgreSQL answers, 503 when
// it does not (or not within two seconds). The reason stays in the server log.
export async function loader({ context }: Route.LoaderArgs) {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    await withTimeout(context.db.execute(sql`select 1`), TIMEOUT_MS);
    return Response.json({ status: 'ok', database: 'up' }, { headers });
  } catch (error) {
    context.log.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'health check: database unavailable',
    );
    return Response.json({ status: 'unavailable', database: 'down' }, { status: 503, headers });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
