import path from 'node:path';
import { z } from 'zod';

// Every setting has a default, so `npm start` works with no environment at all.
// A deployment declares itself production with NODE_ENV=production; later
// safeguards (hCaptcha keys, secure cookies) key off `isProduction`.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  // Express's `trust proxy`: unset trusts no proxy (the socket address is the
  // client). Behind nginx on the same host: `loopback`; or a hop count, or CIDRs.
  TRUST_PROXY: z.string().optional(),
});

export type Config = {
  port: number;
  host: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  isProduction: boolean;
  seedDemo: 'auto' | 'never';
  trustProxy: boolean | number | string;
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
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    isProduction: e.NODE_ENV === 'production',
    seedDemo: e.SEED_DEMO,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
