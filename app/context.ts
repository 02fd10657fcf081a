import type { Database } from '../db/client.server.ts';
import type { Config } from './server/config.ts';
import type { Logger } from './server/logger.ts';

// What the server hands every loader and action: one database pool created at
// start-up (nothing else opens connections), the logger and the configuration.
declare module 'react-router' {
  interface AppLoadContext {
    db: Database;
    /**
     * For reads that tolerate a replica's lag (the dashboard, the staff search,
     * exports): DATABASE_REPLICA_URL's pool, else the same pool as db. Never
     * for sessions, permissions, or a page that shows what was just written.
     */
    readDb: Database;
    log: Logger;
    config: Config;
    /** The client's address as Express sees it through TRUST_PROXY. For rate limits only; never logged or stored. */
    clientIp: string;
    /** This response's Content-Security-Policy nonce ('' when no CSP is sent, as under Vite's dev server). */
    cspNonce: string;
  }
}

export {};
