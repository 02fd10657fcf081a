import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { Database } from '../../../../db/client.server.ts';
import { imapSyncState } from '../../../../db/schema/index.ts';
import type { DomainSettings } from '../../settings.ts';
import type { Log } from '../../log.ts';
import { crashPoint } from '../../../utils/crash-point.ts';
import { countAttempt, holdPoisonMessage, lastFailure, recordFailure } from './imap-failures.server.ts';
import { processInboundEmail } from './process-email.server.ts';
import { storeInboundEmail } from './store-email.server.ts';

type ImapSettings = NonNullable<DomainSettings['intake']['imap']>;

/**
 * One pass over the mailbox: every message with a UID above the last one
 * fully processed is fetched, stored raw, processed, and only then flagged
 * \Seen (or moved to the processed folder), after which the UID is recorded.
 * A crash anywhere in between fetches the message again next time, and
 * de-duplication by Message-ID (or raw hash) makes that harmless. A new
 * UIDVALIDITY means the server renumbered the mailbox: start over from UID 1.
 *
 * Bounded: a message's RFC822.SIZE is asked first, and one over
 * INTAKE_MAX_BYTES is not downloaded (its header block is, for the reply and
 * the queue); it stays in the mailbox, flagged. A message that fails
 * INTAKE_MAX_FAILURES times is held with its reason and intake moves on.
 */
export async function pollMailbox(client: ImapFlow, db: Database, config: DomainSettings, log: Log) {
  const imap = config.intake.imap!;
  const key = `${imap.user}@${imap.host}:${imap.port}/${imap.folder}`;
  const lock = await client.getMailboxLock(imap.folder);
  let processed = 0;
  try {
    // The selected mailbox's message count is only as fresh as the last
    // server response: NOOP asks for news, so a poll sees mail that arrived
    // while the connection was neither idling nor busy (a mailbox that was
    // empty when selected would otherwise read as empty until IDLE began).
    await client.noop();
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`mailbox ${imap.folder} not open`);
    const [state] = await db.select().from(imapSyncState).where(eq(imapSyncState.mailbox, key));
    let lastUid = state && state.uidValidity === mailbox.uidValidity ? state.lastUid : 0;
    if (state && state.uidValidity !== mailbox.uidValidity)
      log.warn('IMAP UIDVALIDITY changed: re-reading the mailbox; duplicates are skipped');
    await saveState(db, key, mailbox.uidValidity, lastUid);
    if (mailbox.exists === 0) return 0;

    const uids = ((await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [])
      .filter((uid) => uid > lastUid)
      .sort((a, b) => a - b);
    for (const uid of uids) {
      const attempts = await countAttempt(db, key, uid);
      if (attempts >= config.intake.maxFailures) {
        await giveUp(client, db, config, { key, uid, attempts });
        log.warn({ uid, attempts }, 'email intake: a message failed every time; held for a person, moving on');
      } else {
        try {
          if (!(await takeMessage(client, db, config, uid))) continue;
        } catch (error) {
          await recordFailure(db, key, uid, error).catch(() => {});
          throw error;
        }
      }
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

async function takeMessage(client: ImapFlow, db: Database, config: DomainSettings, uid: number): Promise<boolean> {
  const sized = await client.fetchOne(String(uid), { size: true }, { uid: true });
  if (!sized) return false;
  const tooLarge = (sized.size ?? 0) > config.intake.maxBytes;
  const message = await client.fetchOne(String(uid), tooLarge ? { headers: true } : { source: true }, { uid: true });
  const raw = tooLarge ? message && message.headers : message && message.source;
  if (!raw) return false;
  const stored = await storeInboundEmail(db, raw, 'imap', { sizeBytes: tooLarge ? sized.size! : raw.length });
  // Where a hostile message would take the process down (issue 15's zip bomb).
  crashPoint('imap-while-processing');
  await processInboundEmail(db, stored.id, { config });
  crashPoint('imap-after-commit');
  // An oversized message stays where a person can open it in a mail client.
  if (tooLarge) await client.messageFlagsAdd(String(uid), ['\\Flagged'], { uid: true });
  else if (config.intake.processedFolder)
    await client.messageMove(String(uid), config.intake.processedFolder, { uid: true });
  else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  return true;
}

// The message failed every time: keep what can be fetched of it, held with
// the last error, and flag it on the server. Nothing is moved or deleted, so
// even when the database refuses the message itself it is still in the mailbox.
async function giveUp(
  client: ImapFlow,
  db: Database,
  config: DomainSettings,
  { key, uid, attempts }: { key: string; uid: number; attempts: number },
) {
  const error = await lastFailure(db, key);
  const sized = await client.fetchOne(String(uid), { size: true }, { uid: true }).catch(() => undefined);
  const size = sized ? (sized.size ?? 0) : 0;
  const whole = size > 0 && size <= config.intake.maxBytes;
  const message = await client
    .fetchOne(String(uid), whole ? { source: true } : { headers: true }, { uid: true })
    .catch(() => undefined);
  const raw = (message && (whole ? message.source : message.headers)) || Buffer.alloc(0);
  await holdPoisonMessage(db, { raw, sizeBytes: Math.max(size, raw.length), attempts, error });
  await client.messageFlagsAdd(String(uid), ['\\Flagged'], { uid: true }).catch(() => {});
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
 * One session of the `intake-imap` job: connect, poll, then wait for IDLE's
 * 'exists' or the poll interval, whichever comes first, until `signal` aborts
 * or `seconds` have passed; reconnect with backoff on errors. The caller holds
 * the mailbox's lock (app/server/jobs/mailbox-session.ts): one session per
 * mailbox across every worker.
 */
export async function watchMailbox({
  db,
  config,
  log,
  signal,
  seconds,
}: {
  db: Database;
  config: DomainSettings;
  log: Log;
  signal: AbortSignal;
  seconds: number;
}) {
  const deadline = Date.now() + seconds * 1000;
  const remaining = () => Math.max(0, deadline - Date.now());
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(ms, remaining()));
      signal.addEventListener('abort', done);
    });
  const ended = () => signal.aborted || remaining() === 0;

  let failures = 0;
  while (!ended()) {
    const client = createImapClient(config.intake.imap!);
    const close = () => client.close();
    signal.addEventListener('abort', close);
    try {
      client.on('error', () => {}); // surfaced by the awaited call that fails
      await client.connect();
      failures = 0;
      while (!ended() && client.usable) {
        await pollMailbox(client, db, config, log);
        await waitForNews(client, sleep(config.intake.pollSeconds * 1000));
      }
    } catch (error) {
      if (signal.aborted) break;
      failures += 1;
      log.warn(
        { err: error instanceof Error ? error.message : String(error), failures },
        'email intake: IMAP error; will retry',
      );
    } finally {
      signal.removeEventListener('abort', close);
      await client.logout().catch(() => {});
    }
    if (!ended()) await sleep(Math.min(300, 5 * 2 ** Math.min(failures, 6)) * 1000);
  }
}

// Resolves on new mail ('exists'), a dropped connection, or the timer; the
// event listeners are removed either way.
async function waitForNews(client: ImapFlow, timer: Promise<void>) {
  const abort = new AbortController();
  const quietly = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      () => undefined,
    );
  try {
    await Promise.race([
      quietly(once(client, 'exists', { signal: abort.signal })),
      quietly(once(client, 'close', { signal: abort.signal })),
      timer,
    ]);
  } finally {
    abort.abort();
  }
}
