import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { attachToRunningEmbeddedDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.server.ts';
import * as schema from './schema/index.ts';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handed to `db.transaction`'s callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Domain functions that run inside a caller's transaction accept either. */
export type DbExecutor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
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
  /** Command-line tools share the cluster of a running `npm start` on the same DATA_DIR. */
  attachToRunning?: boolean;
}): Promise<DatabaseHandle> {
  const embedded = options.databaseUrl ? undefined : await embeddedDatabase(options);
  const url = options.databaseUrl ?? embedded!.url;
  try {
    const handle = connect(url, options.poolSize);
    return {
      ...handle,
      url,
      embedded,
      close: async () => {
        await handle.sql.end({ timeout: 5 });
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

export function connect(url: string, poolSize = 10): { db: Database; sql: postgres.Sql } {
  const sql = postgres(url, {
    max: poolSize,
    // NOTICEs (e.g. "extension already exists") are not errors worth a log line.
    onnotice: () => {},
    connection: { application_name: 'jianyan' },
  });
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
