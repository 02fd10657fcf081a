/**
 * Every background job, by pg-boss queue name (docs/decisions/085-jobs-on-pg-boss.md).
 * The names are what an operator sees in `pgboss.job` and `pgboss.queue`.
 */
export const QUEUES = {
  /** Search row, near-duplicate links and proposals of one new suggestion; sent in its intake transaction. */
  enrichSuggestion: 'suggestion-enrich',
  /** Links again a plan's letters linked when it was half its size, and rebuilds their groups; sent by enrichment (decision 044). */
  settleGroups: 'groups-settle',
  /** Sends due outbox mail; sent with each queued message and every minute for retries. */
  deliverMail: 'mail-deliver',
  /** Holds the intake mailbox for a while (IDLE and polls); every minute, one worker at a time. */
  pollMailbox: 'intake-imap',
  /** Prunes rate-limit counters, expired sessions and redeemed captcha tokens; hourly. */
  housekeeping: 'housekeeping',
  /** Purges contact details past their plan's retention period; daily. */
  retention: 'retention-purge',
  /** Enriches what the intake's job missed and re-indexes after a segmenter change; every ten minutes. */
  searchSweep: 'search-sweep',
  /** Proposes themes for every open plan from its newest suggestions; every fifteen minutes (decision 047). */
  discoverThemes: 'themes-discover',
  /** Tags a plan's existing suggestions with an accepted (or merged) theme; sent with the moderator's act. */
  assignTheme: 'theme-assign',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The pg-boss schema in Jianyan's database, apart from Drizzle's tables. */
export const JOBS_SCHEMA = 'pgboss';

type QueueSettings = {
  policy: 'standard' | 'singleton' | 'stately';
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still active this long after it started counts as lost (its worker died) and is retried. */
  expireInSeconds: number;
};

// Retries are pg-boss's; each job is idempotent, so a retry after a dead
// worker's expiry repeats nothing visible.
export const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  'suggestion-enrich': { policy: 'standard', retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
  // Stately: one waiting and one running per plan (singletonKey), however many letters ask.
  'groups-settle': { policy: 'stately', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 1800 },
  // The outbox row keeps its own attempts and backoff; the job only wakes a sender.
  'mail-deliver': { policy: 'standard', retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 300 },
  // A session lasts IMAP_SESSION_SECONDS; the advisory lock, not the policy, keeps it to one worker.
  'intake-imap': { policy: 'standard', retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 900 },
  housekeeping: { policy: 'singleton', retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 600 },
  'retention-purge': {
    policy: 'singleton',
    retryLimit: 3,
    retryDelay: 300,
    retryBackoff: false,
    expireInSeconds: 1800,
  },
  'search-sweep': { policy: 'singleton', retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 1800 },
  'themes-discover': { policy: 'singleton', retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 1800 },
  'theme-assign': { policy: 'standard', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 1800 },
};
