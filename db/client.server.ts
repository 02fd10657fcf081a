import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { attachToRunningEmbeddedDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.server.ts';
import * as schema from './schema/index.ts';
import { beginOnReservedConnection, NO_PIPELINING } from './transaction-pooler.server.ts';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handed to `db.transaction`'s callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Domain functions that run inside a caller's transaction accept either. */
export type DbExecutor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  /**
   * Reads that may lag behind the primary by a replica's delay: the dashboard,
   * the staff search and exports (docs/decisions/096). The primary itself when
   * no DATABASE_REPLICA_URL is set.
   */
  readDb: Database;
  sql: postgres.Sql;
  url: string;
  embedded: EmbeddedDatabase | undefined;
  close: () => Promise<void>;
};

type Log = {
  info: (msg: string) => void;
  warn: (msg: string) => void;
  debug: (msg: string) => void;
};

/**
 * The one place that opens connections. With DATABASE_URL, that server;
 * without, an embedded PostgreSQL under DATA_DIR that stops with `close()`.
 */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  log: Log;
  /** postgres.js prepared statements; false behind PgBouncer in transaction mode. */
  prepare?: boolean;
  replica?: { url: string; poolSize: number };
  /** Command-line tools share the cluster of a running `npm start` on the same DATA_DIR. */
  attachToRunning?: boolean;
}): Promise<DatabaseHandle> {
  const embedded = options.databaseUrl ? undefined : await embeddedDatabase(options);
  const url = options.databaseUrl ?? embedded!.url;
  try {
    const handle = connect(url, options.poolSize, { prepare: options.prepare });
    const replica = options.replica
      ? connect(options.replica.url, options.replica.poolSize, { prepare: options.prepare, readOnly: true })
      : undefined;
    return {
      ...handle,
      readDb: replica?.db ?? handle.db,
      url,
      embedded,
      close: async () => {
        await Promise.all([handle.sql.end({ timeout: 5 }), replica?.sql.end({ timeout: 5 })]);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function embeddedDatabase(options: { dataDir: string; log: Log; attachToRunning?: boolean }) {
  const target = { dataDir: options.dataDir, databaseName: 'jianyan' };
  if (options.attachToRunning) {
    const running = await attachToRunningEmbeddedDatabase(target);
    if (running) {
      options.log.info(`using the embedded PostgreSQL of the running server on 127.0.0.1:${running.port}`);
      return running;
    }
  }
  return startEmbeddedDatabase({ ...target, log: options.log });
}

export function connect(
  url: string,
  poolSize = 10,
  { prepare = true, readOnly = false }: { prepare?: boolean; readOnly?: boolean } = {},
): { db: Database; sql: postgres.Sql } {
  const sql = postgres(url, {
    max: poolSize,
    // false: unnamed statements only, as PgBouncer in transaction mode needs
    // (a named statement prepared on one server connection is unknown on the next).
    prepare,
    // Behind that PgBouncer, no pipelining either (db/transaction-pooler.server.ts).
    ...(prepare ? {} : NO_PIPELINING),
    // NOTICEs (e.g. "extension already exists") are not errors worth a log line.
    onnotice: () => {},
    // A startup parameter, not a SET: PgBouncer tracks application_name, and
    // rejects most other startup parameters, so none are sent. A hot standby
    // refuses writes by itself.
    connection: { application_name: readOnly ? 'jianyan-read' : 'jianyan' },
  });
  if (!prepare) beginOnReservedConnection(sql);
  return { db: drizzle(sql, { schema, casing: 'snake_case' }), sql };
}

/**
 * The postgres.js client under a Drizzle database or transaction, for what
 * Drizzle does not offer: pg-boss's raw SQL, a reserved connection for a
 * session advisory lock.
 */
export function postgresClientOf(db: DbExecutor): postgres.Sql {
  return (db._.session as unknown as { client: postgres.Sql }).client;
}
