import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect } from '@playwright/test';

const MAIL_DIR = path.resolve('.tmp/e2e-mail');

/** Waits until the SMTP sink has received a message matching `predicate`. */
export async function waitForMail(predicate: (mail: ParsedMail) => boolean): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        const files = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR) : [];
        for (const file of files) {
          const mail = await simpleParser(fs.readFileSync(path.join(MAIL_DIR, file)));
          if (predicate(mail)) found = mail;
        }
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}
