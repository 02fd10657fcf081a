import type { Database } from '../../../db/client.server.ts';
import { postgresClientOf } from '../../../db/client.server.ts';
import { watchMailbox } from '../../domain/intake/email/imap-intake.server.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

// First key of the two-int session advisory lock; the second is the mailbox's hash.
const MAILBOX_LOCK = 4_004;
/** How long one `intake-imap` job watches the mailbox before handing over to the next. */
export const IMAP_SESSION_SECONDS = 300;

/**
 * One `intake-imap` job: take the mailbox's lock, watch it for a session,
 * let go. The lock is a session advisory lock on a connection of its own, so
 * a worker that dies (kill -9, lost host) lets go the moment its connection
 * closes, and the next job, on any worker, takes over. pg-boss 10 has no
 * heartbeat: waiting for its expiry would leave the mailbox unread for
 * minutes. Returns false when another worker holds the mailbox.
 */
export async function holdMailbox({
  db,
  config,
  log,
  signal,
}: {
  db: Database;
  config: Config;
  log: Logger;
  signal: AbortSignal;
}): Promise<boolean> {
  const imap = config.intake.imap!;
  const key = `${imap.user}@${imap.host}:${imap.port}/${imap.folder}`;
  const connection = await postgresClientOf(db).reserve();
  try {
    const [row] = await connection<
      { locked: boolean }[]
    >`select pg_try_advisory_lock(${MAILBOX_LOCK}, hashtext(${key})) as locked`;
    if (!row?.locked) return false;
    try {
      await watchMailbox({ db, config, log, signal, seconds: IMAP_SESSION_SECONDS });
    } finally {
      await connection`select pg_advisory_unlock(${MAILBOX_LOCK}, hashtext(${key}))`;
    }
    return true;
  } finally {
    connection.release();
  }
}
