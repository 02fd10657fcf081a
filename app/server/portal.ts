import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { openDatabase, type DatabaseHandle } from '../../db/client.server.ts';
import { printDemoCredentials, seedDemoStaff } from '../../scripts/demo/staff.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { installContactKeys } from './contact-keys.ts';
import type { Config } from './config.ts';
import { createApp, projectRoot } from './http.ts';
import { prepareSchema } from './prepare-schema.ts';
import type { Logger } from './logger.ts';
import { assertDirectConnection, startWorker } from './worker.ts';

export type RunningPortal = {
  url: string;
  database: DatabaseHandle;
  close: () => Promise<void>;
};

const DRAIN_MS = 10_000;

/**
 * Everything `npm start` does once built (scripts/start.mjs builds): open (or
 * start) PostgreSQL, migrate, seed an empty database, and serve.
 * `close()` undoes it in reverse.
 */
export async function startPortal(config: Config, log: Logger, { dev = false } = {}): Promise<RunningPortal> {
  // Before anything starts: a process that also runs the jobs needs a direct connection.
  if (config.runWorker) assertDirectConnection(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    prepare: config.database.prepare,
    replica: config.database.replicaUrl
      ? { url: config.database.replicaUrl, poolSize: config.database.replicaPoolSize }
      : undefined,
    log: wrap(log),
  });
  try {
    await prepareSchema(config, database.url);
    await installContactKeys(config, database.db, log);
    if (config.seedDemo === 'auto' && (await seedIfEmpty(database.db)))
      log.info('empty database: demo consultations seeded');
    const demoStaff = config.seedDemo === 'auto' && !config.isProduction ? await seedDemoStaff(database.db) : [];

    const { build, devMiddleware, closeDev } = await loadBuild(dev);
    const app = createApp({ db: database.db, readDb: database.readDb, log, config, build, devMiddleware });
    const server = await new Promise<Server>((resolve, reject) => {
      const done = (error?: Error) => (error ? reject(error) : resolve(listening));
      // Without HOST, Node's default: every address, IPv6 and IPv4 where the
      // host has IPv6, IPv4 alone where it is disabled.
      const listening = config.host ? app.listen(config.port, config.host, done) : app.listen(config.port, done);
    });
    const worker = config.runWorker
      ? await startWorker({ db: database.db, databaseUrl: database.url, config, log }).catch((error: unknown) => {
          server.close();
          throw error;
        })
      : undefined;
    const { port } = server.address() as AddressInfo;
    const url = `http://localhost:${port}`;
    // PORT=0 picks a free port: links can only name it now.
    if (!config.publicUrl) config.siteUrl = url;
    log.info(
      {
        port,
        database: config.databaseUrl ? 'DATABASE_URL' : 'embedded',
        replica: Boolean(config.database.replicaUrl),
        worker: Boolean(worker),
      },
      `Jianyan is ready at ${url}`,
    );
    if (config.captcha.disabled)
      log.warn('hCaptcha is disabled (HCAPTCHA_DISABLED=1): web suggestions are not checked for bots');
    else if (config.captcha.usingTestKeys) {
      log.warn(
        "hCaptcha: no HCAPTCHA_SITEKEY/HCAPTCHA_SECRET set, using hCaptcha's published test keys (every check passes). Set real keys before going live.",
      );
    }
    printDemoCredentials(demoStaff, url);

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        log.info('shutting down');
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
        await drained;
        clearTimeout(timer);
        await worker?.stop();
        await closeDev?.();
        await database.close();
        log.info('stopped');
      })());
    return { url, database, close };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function loadBuild(dev: boolean) {
  if (!dev) {
    const entry = pathToFileURL(path.join(projectRoot, 'build/server/index.js')).href;
    return { build: (await import(entry)) as ServerBuild, devMiddleware: undefined, closeDev: undefined };
  }
  const vite = await import('vite');
  const devServer = await vite.createServer({ root: projectRoot, server: { middlewareMode: true } });
  return {
    build: () => devServer.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
    devMiddleware: devServer.middlewares as unknown as RequestHandler,
    closeDev: () => devServer.close(),
  };
}

function wrap(log: Logger) {
  return { info: (m: string) => log.info(m), warn: (m: string) => log.warn(m), debug: (m: string) => log.debug(m) };
}
