import type PgBoss from 'pg-boss';
import type { Database } from '../../../db/client.server.ts';
import { pruneSessions } from '../../domain/accounts/sessions.server.ts';
import { pruneUsedCaptchaTokens } from '../../domain/intake/web/submit-web-form.server.ts';
import { QUEUES } from '../../domain/jobs/queues.ts';
import { deliverDueMail } from '../../domain/mail/deliver-outbox.server.ts';
import { createMailTransport } from '../../domain/mail/transport.server.ts';
import { pruneRateLimits } from '../../domain/rate-limit/rate-limit.server.ts';
import { purgeExpiredContacts } from '../../domain/retention/purge-expired-contacts.server.ts';
import { enrichMissing } from '../../domain/enrichment/enrich-missing.server.ts';
import { enrichSuggestion } from '../../domain/enrichment/enrich-suggestion.server.ts';
import {
  quietSettlingKey,
  quietSettlingState,
  settlePlanGroups,
} from '../../domain/duplicates/settle-groups.server.ts';
import { assignTheme } from '../../domain/themes/assign-themes.server.ts';
import { refreshOpenPlans } from '../../domain/themes/refresh-themes.server.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { holdMailbox } from './mailbox-session.ts';
import { quietOrAfter } from '../requests-in-flight.ts';

type Context = { db: Database; config: Config; log: Logger; signal: AbortSignal; pollSeconds: number };

// One pass of the mail sender stops after this long, so that its job ends
// well within its expiry; the next nudge or the minutely run goes on.
const MAIL_PASS_MS = 60_000;
const MAIL_BATCH = 20;
// Search sweep: suggestions enriched per run (every ten minutes, or at start).
const SWEEP_LIMIT = 500;
// The longest an enrichment (or a pass of the mail sender) waits for the
// portal's requests to pause: under a sustained load the enrichment queue still
// advances by about one suggestion per second, the mail by twenty messages.
const ENRICH_YIELD_MS = 1_000;
// At most this much waiting per batch of 50 enrichments, well within the
// queue's 60 s expiry (QUEUE_SETTINGS) together with the enrichments themselves.
const ENRICH_BATCH_YIELD_MS = 10_000;
// One settling job works this long at most, well within its 30-minute expiry;
// what is left is queued again for the same plan.
const SETTLE_PASS_MS = 5 * 60_000;

async function failAll(boss: PgBoss, jobs: { id: string }[], message: string) {
  for (const job of jobs) await boss.fail(QUEUES.enrichSuggestion, job.id, { message });
}

/** A handler for every queue. pg-boss hands jobs over in batches; each handler says why its batch size. */
export async function registerHandlers(boss: PgBoss, { db, config, log, signal, pollSeconds }: Context) {
  // Up to 50 suggestions per fetch: a burst of submissions is enriched without
  // a poll interval between each. A failing suggestion fails alone (and is
  // retried by pg-boss); complete() then leaves it as failed.
  // In a process that also answers HTTP (`npm start`), each suggestion waits
  // for a quiet moment, at most ENRICH_YIELD_MS, so that a burst of receipts is
  // not slowed by the enrichment of the suggestions before them (decision 088).
  await boss.work<{ suggestionId: number }>(
    QUEUES.enrichSuggestion,
    { batchSize: 50, pollingIntervalSeconds: pollSeconds },
    async (jobs) => {
      // The waits of one batch are bounded as a whole: the batch's jobs count
      // as lost (and are retried elsewhere) after their 60 s expiry.
      const yieldUntil = performance.now() + ENRICH_BATCH_YIELD_MS;
      for (const [index, job] of jobs.entries()) {
        await quietOrAfter(Math.min(ENRICH_YIELD_MS, Math.max(0, yieldUntil - performance.now())), { signal });
        if (signal.aborted) {
          // Stopping: what this batch did not reach goes back to the queue (a
          // returning handler would complete every job of the batch).
          await failAll(boss, jobs.slice(index), 'worker stopping');
          return;
        }
        try {
          await enrichSuggestion(db, job.data.suggestionId);
        } catch (error) {
          log.warn(
            { err: error instanceof Error ? error.message : String(error), suggestionId: job.data.suggestionId },
            'enrichment failed; will retry',
          );
          await boss.fail(QUEUES.enrichSuggestion, job.id, {
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
  );

  // A plan's groups settle in batches, each waiting for a quiet moment as
  // enrichment does; the plan's enrichment waits for one batch at most. The
  // doubling pass runs a few seconds after a letter asks; the quiet pass
  // (job data `quiet`, a key of its own) once the plan's intake has paused.
  await boss.work<{ planId: number; quiet?: boolean }>(
    QUEUES.settleGroups,
    { batchSize: 1, pollingIntervalSeconds: pollSeconds },
    async ([job]) => {
      if (!job) return;
      const { planId, quiet = false } = job.data;
      const singletonKey = quiet ? quietSettlingKey(planId) : String(planId);
      const until = performance.now() + SETTLE_PASS_MS;
      let relinked = 0;
      let regrouped = 0;
      for (;;) {
        if (quiet) {
          const state = await quietSettlingState(db, planId, config.groupsQuietSeconds);
          if (state.state === 'wait')
            await boss.send(QUEUES.settleGroups, job.data, { singletonKey, startAfter: state.seconds });
          if (state.state !== 'ready') break;
        }
        await quietOrAfter(ENRICH_YIELD_MS, { signal });
        if (signal.aborted) throw new Error('worker stopping');
        const pass = await settlePlanGroups(db, planId, { scope: quiet ? 'current' : 'doubled' });
        relinked += pass.relinked;
        regrouped += pass.regrouped;
        if (!pass.more) break;
        if (performance.now() > until) {
          await boss.send(QUEUES.settleGroups, job.data, { singletonKey });
          break;
        }
      }
      if (relinked) log.info({ planId, relinked, regrouped, quiet }, 'groups settled: letters linked again');
    },
  );

  const transport = createMailTransport({ smtpUrl: config.mail.smtpUrl, dataDir: config.dataDir });
  log.info(`mail worker delivering to ${transport.describe}`);
  // Every job of a batch asks for the same thing (send what is due), so one
  // pass answers them all; rows are claimed with SKIP LOCKED across workers.
  await boss.work(QUEUES.deliverMail, { batchSize: 100, pollingIntervalSeconds: pollSeconds }, async () => {
    const until = Date.now() + MAIL_PASS_MS;
    let total = { sent: 0, failed: 0 };
    for (;;) {
      // Rendering and sending take CPU a receipt is waiting for: a pass waits for a pause, as enrichment does.
      await quietOrAfter(ENRICH_YIELD_MS, { signal });
      const pass = await deliverDueMail(db, transport, { from: config.mail.from, limit: MAIL_BATCH });
      total = { sent: total.sent + pass.sent, failed: total.failed + pass.failed };
      if (pass.sent + pass.failed < MAIL_BATCH || Date.now() > until || signal.aborted) break;
    }
    if (total.sent || total.failed) log.info(total, 'mail outbox delivered');
  });

  if (config.intake.imap) {
    log.info(`email intake: watching ${config.intake.imap.folder} on ${config.intake.imap.host}`);
    await boss.work(
      QUEUES.pollMailbox,
      { batchSize: 1, pollingIntervalSeconds: Math.max(pollSeconds, 2) },
      async () => {
        const held = await holdMailbox({ db, config, log, signal });
        // A session that ran its course hands over at once, not at the next minute.
        if (held && !signal.aborted) await boss.send(QUEUES.pollMailbox, { reason: 'session ended' });
      },
    );
  }

  await boss.work(QUEUES.housekeeping, { batchSize: 1, pollingIntervalSeconds: Math.max(pollSeconds, 5) }, async () => {
    await pruneRateLimits(db);
    await pruneSessions(db);
    await pruneUsedCaptchaTokens(db);
  });

  await boss.work(QUEUES.retention, { batchSize: 1, pollingIntervalSeconds: Math.max(pollSeconds, 5) }, async () => {
    const purged = await purgeExpiredContacts(db);
    if (purged.length) log.info({ purged }, 'contact details purged after their retention period');
  });

  await boss.work(
    QUEUES.discoverThemes,
    { batchSize: 1, pollingIntervalSeconds: Math.max(pollSeconds, 5) },
    async () => {
      const found = await refreshOpenPlans(db);
      if (found) log.info({ found }, 'themes: word groups proposed or refreshed');
    },
  );

  await boss.work<{ themeId: number }>(
    QUEUES.assignTheme,
    { batchSize: 1, pollingIntervalSeconds: Math.max(pollSeconds, 2) },
    async ([job]) => {
      if (!job) return;
      const tagged = await assignTheme(db, job.data.themeId);
      log.info({ themeId: job.data.themeId, tagged }, 'themes: existing suggestions tagged');
    },
  );

  await boss.work(QUEUES.searchSweep, { batchSize: 1, pollingIntervalSeconds: Math.max(pollSeconds, 5) }, async () => {
    const enriched = await enrichMissing(db, { limit: SWEEP_LIMIT });
    if (enriched) log.info({ enriched }, 'search sweep: enriched suggestions their job had missed');
  });
}
