import type { Database, Transaction } from './client.server.ts';

export type IdBatch = { lastId: number; count: number };

/**
 * The backfill loop shared by re-sealing and the start-up maskers: `batch`
 * takes the rows after `afterId` in id order, locks and rewrites them in its
 * own short transaction (so the portal keeps running beside it) and returns
 * the last id it took, or null when none is left. Returns the summed counts.
 */
export async function inIdBatches(
  db: Database,
  batch: (tx: Transaction, afterId: number) => Promise<IdBatch | null>,
  onBatch?: (total: number) => void,
): Promise<number> {
  let afterId = 0;
  let total = 0;
  for (;;) {
    const done = await db.transaction((tx) => batch(tx, afterId));
    if (!done) return total;
    afterId = done.lastId;
    total += done.count;
    onBatch?.(total);
  }
}
