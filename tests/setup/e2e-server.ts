import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import postgres from 'postgres';
import { readConfig } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { projectRoot } from '../../app/server/http.ts';
import { startPortal } from '../../app/server/portal.ts';
import { buildIfNeeded } from '../../scripts/build-if-needed.mjs';
import { TEST_CONTACT_KEY } from './contact-keyring.ts';
import { E2E_INTAKE_TOKEN } from './e2e-intake-token.ts';
import { FAKE_SECRET, FAKE_SITEKEY, startFakeHcaptcha } from './fake-hcaptcha.ts';
import { withDatabaseName } from './global-database.ts';
import { startSmtpSink } from './smtp-sink.ts';

// The built portal for Playwright, on a database of its own (a fresh embedded
// cluster under .tmp/, or a fresh database on DATABASE_URL's server), with the
// fake hCaptcha and a real SMTP sink. Mail the sink receives is written to
// .tmp/e2e-mail/ for the tests to read.
export const E2E_MAIL_DIR = path.resolve('.tmp/e2e-mail');

export const E2E_DATABASE_URL_FILE = path.resolve('.tmp/e2e-database-url');
// Everything the server process says, at every level: its JSON log and any
// console output (React Router prints errors there). tests/e2e/leak.spec.ts
// searches it for the contact details it submitted.
export const E2E_SERVER_LOG = path.resolve('.tmp/e2e-server.log');
const env = { ...process.env };
if (env.DATABASE_URL) {
  const name = `jianyan_e2e_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  env.DATABASE_URL = withDatabaseName(env.DATABASE_URL, name);
} else {
  env.DATA_DIR = path.resolve('.tmp/e2e-data');
  fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
}

fs.rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
const captcha = await startFakeHcaptcha();
const sink = await startSmtpSink({
  onMail: (mail, index) => fs.writeFileSync(path.join(E2E_MAIL_DIR, `${index}.eml`), mail.raw),
});

const config = readConfig({
  ...env,
  HCAPTCHA_SITEKEY: FAKE_SITEKEY,
  HCAPTCHA_SECRET: FAKE_SECRET,
  HCAPTCHA_VERIFY_URL: captcha.verifyUrl,
  HCAPTCHA_SCRIPT_URL: captcha.scriptUrl,
  SMTP_URL: sink.url,
  WORKER_POLL_SECONDS: '0.5',
  // A mailed corpus settles a few seconds after its last letter, not ten minutes.
  GROUPS_QUIET_SECONDS: '3',
  // The helpers in tests/e2e write sealed rows with the same key.
  CONTACT_KEY: TEST_CONTACT_KEY,
  // Mail arrives as a mail server pipes it (POST /api/intake/email).
  INTAKE_TOKEN: E2E_INTAKE_TOKEN,
});
fs.mkdirSync('.tmp', { recursive: true });
fs.rmSync(E2E_SERVER_LOG, { force: true });
const logFile = pino.destination({ dest: E2E_SERVER_LOG, sync: true });
const log = createLogger(
  'debug',
  pino.multistream([
    { level: config.logLevel as pino.Level, stream: pino.destination(1) },
    { level: 'debug', stream: logFile },
  ]),
);
// Whatever else the process prints (console output, React Router's errors) goes to the file too.
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    fs.appendFileSync(E2E_SERVER_LOG, chunk);
    return write(chunk, ...rest);
  }) as typeof stream.write;
}
buildIfNeeded(projectRoot, { info: (m) => log.info(m), warn: (m) => log.warn(m) });
const portal = await startPortal(config, log);
// The Playwright login fixture inserts session rows directly (tests/e2e/staff.ts).
fs.mkdirSync('.tmp', { recursive: true });
fs.writeFileSync(E2E_DATABASE_URL_FILE, portal.database.url, { mode: 0o600 });

const stop = () => {
  portal
    .close()
    .then(() => Promise.all([captcha.close(), sink.close()]))
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
