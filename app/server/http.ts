import path from 'node:path';
import { loggablePath } from '../utils/log-path.ts';
import { createRequestHandler } from '@react-router/express';
import compression from 'compression';
import express from 'express';
import { findProjectRoot } from '../../db/project-root.ts';
import type { ServerBuild } from 'react-router';
import type { Database } from '../../db/client.server.ts';
import { isLocale, LOCALE_COOKIE } from '../i18n/index.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { newNonce, securityHeaders } from '../web/security-headers.server.ts';
import { originCheck } from '../web/origin-check.ts';
import { drainListenersThatLeave } from './drain-listeners.ts';
import { countRequestsInFlight } from './requests-in-flight.ts';

export const projectRoot = findProjectRoot(import.meta.dirname);

type AppOptions = {
  db: Database;
  /** The replica (DATABASE_REPLICA_URL) for lag-tolerant reads; db when none. */
  readDb?: Database;
  log: Logger;
  config: Config;
  /** The built server, or a loader for it (Vite's dev server reloads it per request). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Vite's middleware in development; the built assets otherwise. */
  devMiddleware?: express.RequestHandler;
};

export function createApp({ db, readDb = db, log, config, build, devMiddleware }: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(countRequestsInFlight());
  app.use(securityHeaderMiddleware(config, { csp: !devMiddleware }));
  app.use(requestLog(log));
  app.use(dropUnreadBodies());
  app.use(compressionByPath());
  app.use(drainListenersThatLeave());
  app.use(rememberLocale(config));
  app.use(originCheck({ publicUrl: config.publicUrl, exempt: ['/api/intake/'] }));

  if (devMiddleware) {
    app.use(devMiddleware);
  } else {
    const client = path.join(projectRoot, 'build/client');
    // Vite fingerprints everything under assets/, so it can be cached for good.
    app.use('/assets', express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y', index: false }));
    app.use(express.static(client, { maxAge: '1h', index: false }));
  }

  app.all(
    '*splat',
    createRequestHandler({
      build,
      mode: devMiddleware ? 'development' : 'production',
      getLoadContext: (req, res) => ({
        db,
        readDb,
        log,
        config,
        clientIp: req.ip ?? 'unknown',
        cspNonce: String(res.locals.cspNonce ?? ''),
      }),
    }),
  );
  return app;
}

// A fresh nonce per response; entry.server reads it from the load context.
// The headers are added just before the response head goes out, and only
// where the route did not set its own: React Router's adapter appends, so a
// route's stricter policy (the sandboxed mail view) would otherwise be
// joined to ours instead of replacing it.
function securityHeaderMiddleware(config: Config, { csp }: { csp: boolean }): express.RequestHandler {
  return (_req, res, next) => {
    const nonce = csp ? newNonce() : undefined;
    res.locals.cspNonce = nonce;
    const headers = securityHeaders({ publicUrl: config.publicUrl, captchaScriptUrl: config.captcha.scriptUrl, nonce });
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      for (const [name, value] of Object.entries(headers)) if (!this.hasHeader(name)) this.setHeader(name, value);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}

/**
 * A body the app stopped reading (over a size limit, or never needed) is not
 * drained: after the answer is out, the connection is half-closed and, a
 * moment later, dropped. Without this Node would either keep the socket
 * waiting forever or read the rest of an endless upload.
 */
const LINGER_MS = 2000;
function dropUnreadBodies(): express.RequestHandler {
  return (req, res, next) => {
    // Tell the client before it reuses the connection: a keep-alive client
    // (undici, browsers) would otherwise send its next request down a socket
    // we are about to end, and see it closed under that request.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
    res.writeHead = ((...args: unknown[]) => {
      if (!req.complete && !res.headersSent) res.setHeader('Connection', 'close');
      return writeHead(...args);
    }) as typeof res.writeHead;
    res.on('finish', () => {
      if (req.complete) return;
      const socket = req.socket;
      socket.end();
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    });
    next();
  };
}

// Paths only: query strings may carry tracking codes or search words, and no
// personal data belongs in a log line.
function requestLog(log: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      log[level](
        { method: req.method, path: loggablePath(req.path), status: res.statusCode, ms: Math.round(ms) },
        'request',
      );
    });
    next();
  };
}

// `?lng=en` on any page switches the language and remembers it for a year.
function rememberLocale(config: Config): express.RequestHandler {
  return (req, res, next) => {
    const requested = req.query.lng;
    if (isLocale(requested)) {
      res.cookie(LOCALE_COOKIE, requested, {
        maxAge: 365 * 24 * 60 * 60 * 1000,
        sameSite: 'lax',
        httpOnly: true,
        secure: config.isProduction && config.publicUrl?.startsWith('https:') === true,
        path: '/',
      });
    }
    next();
  };
}

// Pages and small downloads: compression's default (gzip level 6). Exports run
// to hundreds of megabytes, and level 6 made the server's gzip, not the
// cursor, the slowest part of a CSV export: level 1 is about five times
// faster for about a third more bytes (decision 086).
function compressionByPath(): express.RequestHandler {
  const pages = compression();
  const exports = compression({ level: 1 });
  return (req, res, next) => (req.path === '/admin/exports/download' ? exports : pages)(req, res, next);
}
