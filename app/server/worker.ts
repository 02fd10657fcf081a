import type { Database } from '../../db/client.server.ts';
import { pruneSessions } from '../domain/accounts/sessions.server.ts';
import { startImapIntake } from '../domain/intake/email/imap-intake.server.ts';
import { deliverDueMail } from '../domain/mail/deliver-outbox.server.ts';
import { createMailTransport } from '../domain/mail/transport.server.ts';
import { pruneUsedCaptchaTokens } from '../domain/intake/web-form.server.ts';
import { pruneRateLimits } from '../domain/rate-limit/rate-limit.server.ts';
import { purgeExpiredContacts } from '../domain/retention/purge-expired-contacts.server.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

export type Worker = { stop: () => Promise<void>; runOnce: () => Promise<void> };

const PRUNE_EVERY_MS = 60 * 60 * 1000;
// Contact retention (app/domain/retention): once at start, then daily.
const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Background jobs: deliver the mail outbox, read the intake mailbox (IMAP),
 * prune old rate-limit counters, redeemed captcha tokens and expired staff sessions,
 * and purge contact details whose plan's retention period ran out (daily).
 * Runs inside `npm start` unless RUN_WORKER=0, or alone with `npm run worker`.
 * All state is in PostgreSQL, so any number of workers can run at once.
 */
export function startWorker({ db, config, log }: { db: Database; config: Config; log: Logger }): Worker {
  const transport = createMailTransport({ smtpUrl: config.mail.smtpUrl, dataDir: config.dataDir });
  log.info(`mail worker delivering to ${transport.describe}`);
  let lastPrune = 0;
  let lastRetention = 0;
  let running: Promise<void> | undefined;
  let stopped = false;

  const runOnce = async () => {
    const { sent, failed } = await deliverDueMail(db, transport, { from: config.mail.from });
    if (sent || failed) log.info({ sent, failed }, 'mail outbox delivered');
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      await pruneRateLimits(db);
      await pruneSessions(db);
      await pruneUsedCaptchaTokens(db);
      lastPrune = Date.now();
    }
    if (Date.now() - lastRetention > RETENTION_EVERY_MS) {
      lastRetention = Date.now();
      const purged = await purgeExpiredContacts(db);
      if (purged.length) log.info({ purged }, 'contact details purged after their retention period');
    }
  };

  const tick = () => {
    if (stopped) return;
    running = runOnce()
      .catch((error: unknown) => log.error({ err: error instanceof Error ? error.message : String(error) }, 'worker pass failed'))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, config.workerPollSeconds * 1000);
      });
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(tick, 0);
  const imap = config.intake.imap ? startImapIntake({ db, config, log }) : undefined;
  if (imap) log.info(`email intake: watching ${config.intake.imap!.folder} on ${config.intake.imap!.host}`);

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await Promise.all([running, imap?.stop()]);
    },
  };
}
