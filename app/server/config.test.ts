import path from 'node:path';
import { expect, test } from 'vitest';
import { readConfig } from './config.ts';

test('no environment at all gives a working configuration', () => {
  const config = readConfig({});
  expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, isProduction: false, seedDemo: 'auto' });
  expect(config.dataDir).toBe(path.resolve('data'));
});

test('empty variables count as unset', () => {
  expect(readConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
});

test('a bad value is refused with the variable named', () => {
  expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(() => readConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
});

test('NODE_ENV=production declares a production deployment', () => {
  expect(readConfig({ NODE_ENV: 'production', HCAPTCHA_DISABLED: '1' }).isProduction).toBe(true);
});

test('TRUST_PROXY accepts booleans, hop counts and names', () => {
  expect(readConfig({}).trustProxy).toBe(false);
  expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  expect(readConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
});

test('without hCaptcha keys, development uses the published test keys', () => {
  const config = readConfig({});
  expect(config.captcha).toMatchObject({
    disabled: false,
    siteKey: '10000000-ffff-ffff-ffff-000000000001',
    usingTestKeys: true,
  });
});

test('production refuses to start without hCaptcha keys unless deliberately disabled', () => {
  expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/HCAPTCHA_SITEKEY and HCAPTCHA_SECRET/);
  expect(readConfig({ NODE_ENV: 'production', HCAPTCHA_DISABLED: '1' }).captcha.disabled).toBe(true);
  const withKeys = readConfig({ NODE_ENV: 'production', HCAPTCHA_SITEKEY: 'site', HCAPTCHA_SECRET: 'secret' });
  expect(withKeys.captcha).toMatchObject({ siteKey: 'site', secret: 'secret', usingTestKeys: false });
});

test('per-IP limits are generous by default and configurable', () => {
  expect(readConfig({}).rateLimits).toEqual({ submitPerHour: 300, trackPerHour: 600, loginFailuresPer15Min: 100 });
  expect(readConfig({ RATE_LIMIT_SUBMIT_PER_HOUR: '20' }).rateLimits.submitPerHour).toBe(20);
  expect(readConfig({}).rateLimits.loginFailuresPer15Min).toBe(100);
  expect(readConfig({ RATE_LIMIT_LOGIN_FAILURES_PER_15MIN: '500' }).rateLimits.loginFailuresPer15Min).toBe(500);
});

test('INTAKE_IMAP_URL is read into host, port, TLS, user and folder; the password may come separately', () => {
  const { imap } = readConfig({
    INTAKE_IMAP_URL: 'imaps://ghy%40example.edu.cn:p%40ss@imap.exmail.qq.com/INBOX',
  }).intake;
  expect(imap).toEqual({
    host: 'imap.exmail.qq.com',
    port: 993,
    secure: true,
    user: 'ghy@example.edu.cn',
    password: 'p@ss',
    folder: 'INBOX',
  });
  const plain = readConfig({ INTAKE_IMAP_URL: 'imap://intake@127.0.0.1:1143/', INTAKE_IMAP_PASSWORD: 'secret' }).intake
    .imap;
  expect(plain).toMatchObject({ port: 1143, secure: false, password: 'secret', folder: 'INBOX' });
  expect(() => readConfig({ INTAKE_IMAP_URL: 'pop3://x@y' })).toThrow(/INTAKE_IMAP_URL/);
});
