import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { Database } from '../../../../db/client.server.ts';
import { imapSyncState } from '../../../../db/schema/index.ts';
import type { Config } from '../../../server/config.ts';
import type { Logger } from '../../../server/logger.ts';
import { crashPoint } from '../../../server/crash-point.ts';
import { processInboundEmail } from './process-email.server.ts';
import { storeInboundEmail } from './store-email.server.ts';

type ImapSettings = NonNullable<Config['intake']['imap']>;

/**
 * One pass over the mailbox: every message with a UID above the last one
 * fully processed is fetched, stored raw, processed, and only then flagged
 * \Seen (or moved to the processed folder), after which the UID is recorded.
 * A crash anywhere in between fetches the message again next time, and
 * de-duplication by Message-ID (or raw hash) makes that harmless. A new
 * UIDVALIDITY means the server renumbered the mailbox: start over from UID 1.
 */
export async function pollMailbox(client: ImapFlow, db: Database, config: Config, log: Pick<Logger, 'info' | 'warn'>) {
  const imap = config.intake.imap!;
  const key = `${imap.user}@${imap.host}:${imap.port}/${imap.folder}`;
  const lock = await client.getMailboxLock(imap.folder);
  let processed = 0;
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`mailbox ${imap.folder} not open`);
    const [state] = await db.select().from(imapSyncState).where(eq(imapSyncState.mailbox, key));
    let lastUid = state && state.uidValidity === mailbox.uidValidity ? state.lastUid : 0;
    if (state && state.uidValidity !== mailbox.uidValidity) log.warn('IMAP UIDVALIDITY changed: re-reading the mailbox; duplicates are skipped');
    await saveState(db, key, mailbox.uidValidity, lastUid);
    if (mailbox.exists === 0) return 0;

    const uids = ((await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
    for (const uid of uids) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message || !message.source) continue;
      const stored = await storeInboundEmail(db, message.source, 'imap');
      await processInboundEmail(db, stored.id, { config });
      crashPoint('imap-after-commit');
      if (config.intake.processedFolder) await client.messageMove(String(uid), config.intake.processedFolder, { uid: true });
      else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      lastUid = uid;
      await saveState(db, key, mailbox.uidValidity, lastUid);
      processed += 1;
    }
  } finally {
    lock.release();
  }
  if (processed) log.info({ processed }, 'email intake: messages processed');
  return processed;
}

async function saveState(db: Database, mailbox: string, uidValidity: bigint, lastUid: number) {
  await db
    .insert(imapSyncState)
    .values({ mailbox, uidValidity, lastUid })
    .onConflictDoUpdate({ target: imapSyncState.mailbox, set: { uidValidity, lastUid, updatedAt: new Date() } });
}

export function createImapClient(imap: ImapSettings): ImapFlow {
  return new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
    // Institutional servers (Exmail, NetEase, Coremail) speak IDLE; imapflow
    // idles by itself between commands and reports new mail as 'exists'.
  });
}

/**
 * The worker's mail loop: connect, poll, then wait for IDLE's 'exists' or the
 * poll interval, whichever comes first; reconnect with backoff on errors.
 */
export function startImapIntake({ db, config, log }: { db: Database; config: Config; log: Logger }) {
  let stopped = false;
  let client: ImapFlow | undefined;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        client = createImapClient(config.intake.imap!);
        client.on('error', () => {}); // surfaced by the awaited call that fails
        await client.connect();
        failures = 0;
        while (!stopped && client.usable) {
          await pollMailbox(client, db, config, log);
          await waitForNews(client, sleep(config.intake.pollSeconds * 1000));
        }
      } catch (error) {
        failures += 1;
        log.warn({ err: error instanceof Error ? error.message : String(error), failures }, 'email intake: IMAP error; will retry');
      } finally {
        await client?.logout().catch(() => {});
        client = undefined;
      }
      if (!stopped) await sleep(Math.min(300, 5 * 2 ** Math.min(failures, 6)) * 1000);
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      wake?.();
      client?.close();
      await loop;
    },
  };
}

// Resolves on new mail ('exists'), a dropped connection, or the timer; the
// event listeners are removed either way.
async function waitForNews(client: ImapFlow, timer: Promise<void>) {
  const abort = new AbortController();
  const quietly = (promise: Promise<unknown>) => promise.then(() => undefined, () => undefined);
  try {
    await Promise.race([quietly(once(client, 'exists', { signal: abort.signal })), quietly(once(client, 'close', { signal: abort.signal })), timer]);
  } finally {
    abort.abort();
  }
}
