import type { Route } from './+types/similar';
import { consultationWindow } from '../domain/plans/consultation-window.ts';
import { getPublicPlan } from '../domain/plans/queries.server.ts';
import { invariantResponse } from '../web/invariant-response.ts';
import { lookUpSimilar } from '../web/similar-lookup.server.ts';

// The as-you-type list of the public form (decision 049): title and body in,
// JSON out, nothing stored. A plain fetch() from the page, not a React Router
// fetcher, so a lookup still in flight never meets the form's own submission
// in the router (it once left the receipt's address over the form's page).
// Refusals are JSON too: the page shows nothing new, and what was typed stays.
export async function action({ context, params, request }: Route.ActionArgs) {
  const plan = await getPublicPlan(context.db, params.slug);
  invariantResponse(plan);
  if (consultationWindow(plan) !== 'open') return Response.json({ similar: [] }, { status: 403 });
  const found = await lookUpSimilar(
    { db: context.db, clientIp: context.clientIp, submitPerHour: context.config.rateLimits.submitPerHour },
    plan.id,
    request,
  );
  switch (found.type) {
    case 'found':
      return Response.json({ similar: found.similar });
    case 'rate_limited':
      return Response.json(
        { similar: [] },
        { status: 429, headers: { 'Retry-After': String(found.retryAfterSeconds) } },
      );
    case 'too_large':
      return Response.json({ similar: [] }, { status: 413 });
    case 'unreadable':
      return Response.json({ similar: [] }, { status: 400 });
  }
}
