import type postgres from 'postgres';

type Body = (sql: postgres.Sql) => unknown;

/**
 * Settings for a pool behind PgBouncer in transaction mode (DATABASE_PREPARE=0,
 * decisions 097 and 099).
 *
 * postgres.js pipelines: when every connection is busy it writes the next
 * query behind one still running. PgBouncer 1.18 hands the server connection
 * back at the first query's ReadyForQuery, so the replies to the query behind
 * it arrive "when not linked" and are dropped; that postgres.js connection
 * then waits forever, and so does every request that needs it
 * (pgbouncer/pgbouncer#759). `max_pipeline: 0` turns pipelining off, but
 * postgres.js 3.4 then skips the step by which `sql.begin` reserves its
 * connection, and every transaction fails with UNSAFE_TRANSACTION
 * (porsager/postgres#1210). So transactions reserve a connection themselves.
 */
export const NO_PIPELINING = { max_pipeline: 0 } as const;

export function beginOnReservedConnection(sql: postgres.Sql): void {
  async function begin(first: string | Body, second?: Body) {
    const [mode, body] = typeof first === 'function' ? ['', first] : [first, second!];
    const tx = await sql.reserve();
    try {
      await tx.unsafe(`begin ${mode.replace(/[^a-z ]/gi, '')}`);
      try {
        const result = await settle(body(withSavepoints(tx)));
        await tx.unsafe('commit');
        return result;
      } catch (error) {
        // A broken connection cannot roll back; PostgreSQL aborts the transaction when it closes.
        await tx.unsafe('rollback').catch(() => {});
        throw error;
      }
    } finally {
      tx.release();
    }
  }
  Object.assign(sql, { begin });
}

// Drizzle's nested transactions call `savepoint(fn)` on the transaction's client.
function withSavepoints(tx: postgres.ReservedSql): postgres.Sql {
  let count = 0;
  async function savepoint(body: Body) {
    const name = `s${(count += 1)}`;
    await tx.unsafe(`savepoint ${name}`);
    try {
      const result = await settle(body(tx));
      await tx.unsafe(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await tx.unsafe(`rollback to savepoint ${name}`);
      throw error;
    }
  }
  return Object.assign(tx, { savepoint });
}

// postgres.js lets a transaction body return an array of queries.
function settle(value: unknown): Promise<unknown> {
  return Array.isArray(value) ? Promise.all(value) : Promise.resolve(value);
}
