import { and, asc, eq, getTableName, gt, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Database, Transaction } from '../../../db/client.server.ts';
import { inIdBatches } from '../../../db/in-id-batches.server.ts';
import type { Keyring } from './keyring.ts';

// One loop behind both the start-up backfill (rows written before encryption,
// key_id NULL) and `npm run keys:rotate` (rows under any key but the current
// one). Batches are keyed by id and locked FOR UPDATE in their own short
// transaction, so the portal keeps running: a request that writes one of
// these rows waits for at most one batch, and a row it writes meanwhile is
// already under the current key, which the loop then skips.

export type ResealMode = 'legacy' | 'rotate';

export type Resealer = {
  table: string;
  /** Rows per batch: small for tables with big values (raw mail). */
  batchSize: number;
  id: PgColumn;
  keyId: PgColumn;
  /** Extra condition, e.g. only staff rows that have a TOTP secret. */
  only?: SQL;
  /** Re-seals the locked rows of one batch; returns their ids in order. */
  resealBatch: (tx: Transaction, keyring: Keyring, where: SQL, limit: number) => Promise<number[]>;
};

/**
 * A Resealer for a table whose rows are re-sealed one at a time: select the
 * batch's `columns` locked FOR UPDATE in id order, and write back what
 * `reseal` makes of each row (open with whichever key sealed it, seal with the
 * current one). What differs per table (which columns, how they open and seal,
 * the batch size) stays with the table's module; the locking and the order
 * the id-batch loop relies on are written once, here.
 */
export function rowResealer<TTable extends PgTable, TColumns extends Record<string, PgColumn>>(spec: {
  table: TTable;
  batchSize: number;
  id: AnyPgColumn<{ data: number; notNull: true }>;
  keyId: PgColumn;
  only?: SQL;
  /** What `reseal` needs to open a row (the id is selected anyway). */
  columns: TColumns;
  reseal: (keyring: Keyring, row: SelectResultFields<TColumns>) => PgUpdateSetSource<TTable>;
}): Resealer {
  return {
    table: getTableName(spec.table),
    batchSize: spec.batchSize,
    id: spec.id,
    keyId: spec.keyId,
    only: spec.only,
    resealBatch: async (tx, keyring, where, limit) => {
      const rows = await tx
        .select({ id: spec.id, row: spec.columns })
        // from() cannot check a generic table for an empty selection; any PgTable is fine here.
        .from(spec.table as PgTable)
        .where(where)
        .orderBy(spec.id)
        .limit(limit)
        .for('update');
      for (const { id, row } of rows) {
        await tx.update(spec.table).set(spec.reseal(keyring, row)).where(eq(spec.id, id));
      }
      return rows.map((r) => r.id);
    },
  };
}

export function staleCondition(resealer: Resealer, keyring: Keyring, mode: ResealMode, afterId: number): SQL {
  const stale =
    mode === 'legacy' ? isNull(resealer.keyId) : or(isNull(resealer.keyId), ne(resealer.keyId, keyring.current.id))!;
  return and(gt(resealer.id, afterId), stale, resealer.only)!;
}

export const byId = (resealer: Resealer) => asc(resealer.id);

export async function resealTable(
  db: Database,
  keyring: Keyring,
  resealer: Resealer,
  mode: ResealMode,
  onBatch?: (count: number) => void,
): Promise<number> {
  return inIdBatches(
    db,
    async (tx, afterId) => {
      const ids = await resealer.resealBatch(
        tx,
        keyring,
        staleCondition(resealer, keyring, mode, afterId),
        resealer.batchSize,
      );
      return ids.length === 0 ? null : { lastId: ids[ids.length - 1]!, count: ids.length };
    },
    onBatch,
  );
}
