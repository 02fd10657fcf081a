import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type MailMessage = { from: string; to: string; subject: string; html: string; text: string; headers?: Record<string, string> };
export type MailTransport = { send: (message: MailMessage) => Promise<void>; describe: string };

/**
 * SMTP_URL set: nodemailer over SMTP (smtp:// or smtps://, credentials in the
 * URL). Unset: each message is written as an .eml file under DATA_DIR/mail/,
 * so development and demos need no mail server and the files open in any mail
 * client.
 */
export function createMailTransport({ smtpUrl, dataDir }: { smtpUrl?: string; dataDir: string }): MailTransport {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
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
