import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable } from '@react-router/node';
import { isbot } from 'isbot';
import type { RenderToPipeableStreamOptions } from 'react-dom/server';
import { renderToPipeableStream } from 'react-dom/server';
import type { AppLoadContext, EntryContext, HandleErrorFunction } from 'react-router';
import { ServerRouter } from 'react-router';
import { loggablePath } from './utils/log-path.ts';
import { safeError } from './utils/safe-error.ts';
import { NonceContext } from './web/nonce.tsx';
import {
  databaseUnavailableDataResponse,
  databaseUnavailableResponse,
  noteRequestFailure,
} from './server/database-unavailable.ts';

// React Router's default entry, with two changes: errors go to pino as a
// message, a name and a code, never through console.error with the whole
// error object (a database error can carry its query parameters, and those
// can be a submitter's name, phone or text); and a page that failed because
// PostgreSQL is unreachable becomes a 503 (server/database-unavailable.ts).

export const streamTimeout = 5_000;

export function describeError(error: unknown): { name: string; message: string; code?: string } {
  if (!(error instanceof Error))
    return { name: 'NonError', message: typeof error === 'string' ? error.slice(0, 300) : typeof error };
  return safeError(error);
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // A client that went away mid-request is not a server error.
  if (request.signal.aborted) return;
  noteRequestFailure(context, error);
  const log = (context as Partial<AppLoadContext>).log;
  const entry = {
    err: describeError(error),
    method: request.method,
    path: loggablePath(new URL(request.url).pathname),
  };
  if (log) log.error(entry, 'request failed');
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (responseStatusCode >= 500)
    return (
      (await databaseUnavailableResponse(request, loadContext)) ??
      render(request, responseStatusCode, responseHeaders, routerContext, loadContext)
    );
  return render(request, responseStatusCode, responseHeaders, routerContext, loadContext);
}

// Single-fetch `*.data` requests never reach handleRequest.
export function handleDataRequest(
  response: Response,
  { request, context }: { request: Request; context: AppLoadContext },
) {
  return databaseUnavailableDataResponse(response, request, context);
}

function render(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> | Response {
  // https://httpwg.org/specs/rfc9110.html#HEAD
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get('user-agent');
    // Crawlers get the whole document at once.
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady';
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const nonce = loadContext.cspNonce || undefined;
    const app = (
      <NonceContext value={nonce ?? ''}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceContext>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [readyOption]() {
        shellRendered = true;
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeoutId);
            timeoutId = undefined;
            callback();
          },
        });
        responseHeaders.set('Content-Type', 'text/html');
        pipe(body);
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell reject and are logged by handleError.
        if (shellRendered)
          loadContext.log.error(
            { err: describeError(error), path: loggablePath(new URL(request.url).pathname) },
            'render failed',
          );
      },
    });
  });
}
