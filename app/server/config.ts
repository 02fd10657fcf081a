import path from 'node:path';
import { z } from 'zod';
import { parseMasterKey } from '../domain/crypto/keyring.ts';
import type { CaptchaSettings, DomainSettings, IntakeSettings, RateLimitSettings } from '../domain/settings.ts';

// Every setting has a default, so `npm start` works with no environment at all.
// A deployment declares itself production with NODE_ENV=production; later
// safeguards (hCaptcha keys, secure cookies) key off `isProduction`.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  // Connections per process (docs/deploy.md, "Connections"). DATABASE_POOL_MAX
  // is the documented name; DATABASE_POOL_SIZE, the older one, still works.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  // A read-only streaming replica for the dashboard, the staff search and
  // exports (docs/decisions/096). Unset: everything reads the primary.
  DATABASE_REPLICA_URL: z.string().url().optional(),
  DATABASE_REPLICA_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  // 0 behind PgBouncer in transaction mode: postgres.js then sends unnamed
  // statements, which a pooled server connection cannot confuse (decision 097).
  DATABASE_PREPARE: z.enum(['0', '1']).default('1'),
  // Migrations take a session-level advisory lock, which needs a direct
  // connection, not one through PgBouncer in transaction mode.
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  // 0: the process does not migrate at start; `npm run db:migrate` does, once,
  // before new web processes start (docs/deploy.md, "Upgrades").
  MIGRATE_ON_START: z.enum(['0', '1']).default('1'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  // Express's `trust proxy`: unset trusts no proxy (the socket address is the
  // client). Behind nginx on the same host: `loopback`; or a hop count, or CIDRs.
  TRUST_PROXY: z.string().optional(),
  HCAPTCHA_SITEKEY: z.string().optional(),
  HCAPTCHA_SECRET: z.string().optional(),
  HCAPTCHA_VERIFY_URL: z.string().url().default('https://api.hcaptcha.com/siteverify'),
  // Where the widget's script comes from; tests point it at a local fake.
  HCAPTCHA_SCRIPT_URL: z.string().url().optional(),
  HCAPTCHA_DISABLED: z.enum(['0', '1']).default('0'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('建言 Jianyan <no-reply@localhost>'),
  // 0: this process serves HTTP only (`npm run start:web` sets it with
  // --web-only); run `npm run worker` elsewhere.
  RUN_WORKER: z.enum(['0', '1']).default('1'),
  // Connections of a worker process (`npm run worker`).
  WORKER_DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(4),
  // How often a worker asks for new jobs (pg-boss polls at most every 0.5 s):
  // the delay before a new suggestion is searchable and its mail leaves.
  WORKER_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(1),
  // How long a plan's intake must pause before its groups are settled at its current weights (decision 045).
  GROUPS_QUIET_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  // Per client IP and hour. Generous: a campus reaches us through a few NAT
  // addresses, so one address can be thousands of students.
  RATE_LIMIT_SUBMIT_PER_HOUR: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_TRACK_PER_HOUR: z.coerce.number().int().min(1).default(600),
  // Failed staff sign-in steps per client IP in 15 minutes (successes don't count).
  RATE_LIMIT_LOGIN_FAILURES_PER_15MIN: z.coerce.number().int().min(1).default(100),
  // Email intake (docs/decisions/004-email-intake.md).
  INTAKE_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\//, 'must start with imap:// or imaps://')
    .optional(),
  INTAKE_IMAP_PASSWORD: z.string().optional(),
  INTAKE_IMAP_PROCESSED_FOLDER: z.string().optional(),
  INTAKE_POLL_SECONDS: z.coerce.number().min(1).max(86_400).default(60),
  INTAKE_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  INTAKE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(40 * 1024 * 1024),
  INTAKE_REPLIES_PER_HOUR: z.coerce.number().int().min(0).default(5),
  // Encryption at rest (docs/decisions/060-encryption-at-rest.md): base64 of
  // 32 random bytes (`openssl rand -base64 32`). Unset: a key generated into
  // DATA_DIR/contact-keys. PREVIOUS: older keys, comma-separated, still
  // readable while `npm run keys:rotate` re-seals.
  CONTACT_KEY: z.string().optional(),
  CONTACT_KEY_PREVIOUS: z.string().optional(),
  // Attempts at one IMAP message before it is held and intake moves on (issue 15).
  INTAKE_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
});

// hCaptcha's published test keys: the widget always passes and siteverify
// accepts its token. Used only when no keys are configured outside production.
export const HCAPTCHA_TEST_SITEKEY = '10000000-ffff-ffff-ffff-000000000001';
export const HCAPTCHA_TEST_SECRET = '0x0000000000000000000000000000000000000000';

/** Everything the process reads from the environment; the domain sees only DomainSettings' part of it. */
export type Config = DomainSettings & {
  port: number;
  host: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  database: {
    replicaUrl: string | undefined;
    replicaPoolSize: number;
    /** postgres.js named prepared statements; off behind PgBouncer's transaction mode. */
    prepare: boolean;
    /** Where migrations run: a direct connection (DATABASE_MIGRATION_URL), else DATABASE_URL. */
    migrationUrl: string | undefined;
    migrateOnStart: boolean;
  };
  publicUrl: string | undefined;
  // siteUrl, captcha, intake and rateLimits: see DomainSettings.
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  isProduction: boolean;
  seedDemo: 'auto' | 'never';
  trustProxy: boolean | number | string;
  captcha: CaptchaSettings;
  mail: { smtpUrl: string | undefined; from: string };
  runWorker: boolean;
  workerPoolSize: number;
  workerPollSeconds: number;
  /** A plan's intake pauses this long before its groups settle at its current weights. */
  groupsQuietSeconds: number;
  rateLimits: RateLimitSettings;
  /** Base64 master keys from the environment; none: the key file under dataDir. */
  contactKeys: { current: string | undefined; previous: string[] };
  intake: IntakeSettings;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings are how shells and .env files say "unset".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const captchaDisabled = e.HCAPTCHA_DISABLED === '1';
  const hasKeys = Boolean(e.HCAPTCHA_SITEKEY && e.HCAPTCHA_SECRET);
  if (isProduction && !captchaDisabled && !hasKeys) {
    throw new Error(
      'Invalid configuration:\n  NODE_ENV=production needs HCAPTCHA_SITEKEY and HCAPTCHA_SECRET (or HCAPTCHA_DISABLED=1 to run without a captcha, deliberately).',
    );
  }
  const contactKeys = {
    current: e.CONTACT_KEY?.trim() || undefined,
    previous: (e.CONTACT_KEY_PREVIOUS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  };
  for (const [name, key] of [
    ['CONTACT_KEY', contactKeys.current],
    ...contactKeys.previous.map((k) => ['CONTACT_KEY_PREVIOUS', k]),
  ] as const) {
    if (!key) continue;
    try {
      parseMasterKey(key);
    } catch (error) {
      throw new Error(`Invalid configuration:\n  ${name}: ${(error as Error).message}`, { cause: error });
    }
  }
  if (contactKeys.previous.length > 0 && !contactKeys.current) {
    throw new Error(
      'Invalid configuration:\n  CONTACT_KEY_PREVIOUS needs CONTACT_KEY (the key that seals from now on).',
    );
  }
  // Several web processes against one database must share a key; a key file
  // on one machine's disk cannot be that in production.
  if (isProduction && e.DATABASE_URL && !contactKeys.current) {
    throw new Error(
      'Invalid configuration:\n  NODE_ENV=production with DATABASE_URL needs CONTACT_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`), kept outside the database and its backups.',
    );
  }
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  DATABASE_REPLICA_URL needs DATABASE_URL (the primary it replicates); the embedded database has no replica.',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_MAX ?? e.DATABASE_POOL_SIZE ?? 10,
    database: {
      replicaUrl: e.DATABASE_REPLICA_URL,
      replicaPoolSize: e.DATABASE_REPLICA_POOL_MAX,
      prepare: e.DATABASE_PREPARE === '1',
      migrationUrl: e.DATABASE_MIGRATION_URL,
      migrateOnStart: e.MIGRATE_ON_START === '1',
    },
    publicUrl: e.PUBLIC_URL,
    siteUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    isProduction,
    seedDemo: e.SEED_DEMO,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    captcha: {
      disabled: captchaDisabled,
      siteKey: hasKeys ? e.HCAPTCHA_SITEKEY! : HCAPTCHA_TEST_SITEKEY,
      secret: hasKeys ? e.HCAPTCHA_SECRET! : HCAPTCHA_TEST_SECRET,
      verifyUrl: e.HCAPTCHA_VERIFY_URL,
      scriptUrl: e.HCAPTCHA_SCRIPT_URL,
      usingTestKeys: !hasKeys,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    runWorker: e.RUN_WORKER === '1',
    workerPoolSize: e.WORKER_DATABASE_POOL_MAX,
    workerPollSeconds: e.WORKER_POLL_SECONDS,
    groupsQuietSeconds: e.GROUPS_QUIET_SECONDS,
    rateLimits: {
      submitPerHour: e.RATE_LIMIT_SUBMIT_PER_HOUR,
      trackPerHour: e.RATE_LIMIT_TRACK_PER_HOUR,
      loginFailuresPer15Min: e.RATE_LIMIT_LOGIN_FAILURES_PER_15MIN,
    },
    contactKeys,
    intake: {
      imap: e.INTAKE_IMAP_URL ? parseImapUrl(e.INTAKE_IMAP_URL, e.INTAKE_IMAP_PASSWORD) : undefined,
      processedFolder: e.INTAKE_IMAP_PROCESSED_FOLDER,
      pollSeconds: e.INTAKE_POLL_SECONDS,
      token: e.INTAKE_TOKEN,
      maxBytes: e.INTAKE_MAX_BYTES,
      repliesPerHour: e.INTAKE_REPLIES_PER_HOUR,
      maxFailures: e.INTAKE_MAX_FAILURES,
    },
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

// imaps://user:pass@host:993/INBOX — user and password percent-encoded; the
// password may come from INTAKE_IMAP_PASSWORD instead, to keep it out of URLs.
function parseImapUrl(value: string, password: string | undefined) {
  const url = new URL(value);
  const secure = url.protocol === 'imaps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(url.username),
    password: password ?? decodeURIComponent(url.password),
    folder: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX',
  };
}
