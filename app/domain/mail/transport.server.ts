import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  messageId?: string;
};
export type MailTransport = { send: (message: MailMessage) => Promise<void>; describe: string };

export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * SMTP_URL set: nodemailer over SMTP (smtp:// or smtps://, credentials in the
 * URL). Unset: each message is written as an .eml file under DATA_DIR/mail/,
 * so development and demos need no mail server and the files open in any mail
 * client.
 */
export function createMailTransport({ smtpUrl, dataDir }: { smtpUrl?: string; dataDir: string }): MailTransport {
  if (smtpUrl) {
    // nodemailer waits up to 10 minutes on a silent server by default, holding
    // the outbox row's lock and the worker. Query parameters in SMTP_URL
    // (?greetingTimeout=5000) override these.
    const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
    return {
      describe: 'smtp',
      send: async (message) => {
        await transport.sendMail(message);
      },
    };
  }
  const folder = path.join(dataDir, 'mail');
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `files in ${folder}`,
    send: async (message) => {
      const info = await composer.sendMail(message);
      await fs.mkdir(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(3).toString('hex')}.eml`;
      await fs.writeFile(path.join(folder, name), info.message as Buffer, { mode: 0o600 });
    },
  };
}
