import { data } from 'react-router';
import type { Route } from './+types/exports-download';
import { requireUserWithPermission } from '../../web/require-user.server.ts';
import { authorizeExport } from '../../domain/exports/authorize-export.ts';
import { attachmentDisposition } from '../../domain/exports/content-disposition.ts';
import { parseExportRequest } from '../../domain/exports/export-filter.ts';
import { recordContactExportStart } from '../../domain/exports/record-export-audit.server.ts';
import { findExportPlan, startExport } from '../../domain/exports/run-export.server.ts';
import { orRespond } from '../../web/domain-errors.server.ts';
import { readFormOrAnswer } from '../../web/read-form.server.ts';
import { invariantResponse } from '../../web/invariant-response.ts';

// POST only, from the export form: the file is streamed in the response and
// never stored, so there is no URL that could be shared or fetched again.
export async function action({ request, context }: Route.ActionArgs) {
  // Who asks comes first, before the body is read; whether they may have the
  // contact columns is decided by the domain on the *parsed* request.
  const user = await requireUserWithPermission(request, context, 'export:suggestion:any');
  const parsed = parseExportRequest(await readFormOrAnswer(request));
  if (!parsed.ok) throw data(null, { status: 400 });
  const plan = await findExportPlan(context.db, parsed.value.filter.planId);
  invariantResponse(plan);
  await orRespond(() => authorizeExport(user, parsed.value.options));
  if (parsed.value.options.includeContacts) {
    await recordContactExportStart(context.db, {
      actorId: user.id,
      filter: parsed.value.filter,
      format: parsed.value.options.format,
    });
  }
  const started = startExport(context.db, parsed.value, {
    plan,
    viewer: user,
    baseUrl: context.config.siteUrl,
    // A replica's lag is acceptable in a file; the audit line goes to the primary.
    readDb: context.readDb,
    // The message only: rows and filters may hold personal data.
    onError: (error) => context.log.error({ err: error.message, format: parsed.value.options.format }, 'export failed'),
  });
  return new Response(started.body, {
    headers: {
      'Content-Type': started.contentType,
      'Content-Disposition': attachmentDisposition(started.filename),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function loader() {
  throw data(null, { status: 405, headers: { Allow: 'POST' } });
}
