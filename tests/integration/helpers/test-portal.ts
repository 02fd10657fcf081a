import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { readConfig } from '../../../app/server/config.ts';
import { createLogger } from '../../../app/server/logger.ts';
import { startPortal, type RunningPortal } from '../../../app/server/portal.ts';
import { FAKE_SECRET, FAKE_SITEKEY, startFakeHcaptcha, type FakeHcaptcha } from '../../setup/fake-hcaptcha.ts';
import type { TestDatabase } from '../../setup/test-database.ts';

export type TestPortal = { portal: RunningPortal; captcha: FakeHcaptcha; url: string; dataDir: string };

/**
 * The real server on this file's database, with the fake hCaptcha, the worker
 * off (tests drive delivery themselves) and mail files under .tmp/.
 */
export function setupTestPortal(database: TestDatabase, env: Record<string, string> = {}): TestPortal {
  const handle = {} as TestPortal;
  beforeAll(async () => {
    const captcha = await startFakeHcaptcha();
    const dataDir = path.resolve('.tmp', `portal-${crypto.randomBytes(4).toString('hex')}`);
    const config = readConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      DATA_DIR: dataDir,
      RUN_WORKER: '0',
      HCAPTCHA_SITEKEY: FAKE_SITEKEY,
      HCAPTCHA_SECRET: FAKE_SECRET,
      HCAPTCHA_VERIFY_URL: captcha.verifyUrl,
      ...env,
    });
    const portal = await startPortal(config, createLogger('silent'));
    Object.assign(handle, { portal, captcha, url: portal.url, dataDir });
  });
  afterAll(async () => {
    await handle.portal?.close();
    await handle.captcha?.close();
  });
  return handle;
}

/** Fetches the suggestion form and returns its one-time key and the ids it offers. */
export async function openForm(portal: TestPortal, slug: string) {
  const html = await (await fetch(`${portal.url}/plans/${slug}/suggest`)).text();
  const intakeKey = /name="intakeKey" value="([^"]+)"/.exec(html)?.[1];
  const categoryIds = [...html.matchAll(/<option value="(\d+)">/g)].map((m) => m[1]!);
  return { html, intakeKey: intakeKey!, categoryId: categoryIds[0]! };
}

export type PostOptions = {
  fields: Record<string, string>;
  files?: File[];
  origin?: string;
  headers?: Record<string, string>;
};

export function postSuggestion(
  portal: TestPortal,
  slug: string,
  { fields, files = [], origin, headers = {} }: PostOptions,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('attachments', file);
  return fetch(`${portal.url}/plans/${slug}/suggest`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { origin: origin ?? portal.url, ...headers },
  });
}

let tokens = 0;
export const passToken = () => `pass-${process.pid}-${++tokens}-${crypto.randomBytes(4).toString('hex')}`;
