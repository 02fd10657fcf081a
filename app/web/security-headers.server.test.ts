import { expect, test } from 'vitest';
import { securityHeaders } from './security-headers.server.ts';

test('HSTS only where the public address is https', () => {
  const base = { captchaScriptUrl: undefined, nonce: 'abc' };
  expect(securityHeaders({ ...base, publicUrl: 'https://consult.example.edu.cn' })['Strict-Transport-Security']).toBe(
    'max-age=31536000; includeSubDomains',
  );
  expect(securityHeaders({ ...base, publicUrl: 'http://localhost:3000' })['Strict-Transport-Security']).toBeUndefined();
  expect(securityHeaders({ ...base, publicUrl: undefined })['Strict-Transport-Security']).toBeUndefined();
});

test('no nonce (Vite dev server) means no CSP; the other headers stay', () => {
  const headers = securityHeaders({ publicUrl: undefined, captchaScriptUrl: undefined, nonce: undefined });
  expect(headers['Content-Security-Policy']).toBeUndefined();
  expect(headers['X-Content-Type-Options']).toBe('nosniff');
  expect(headers['Referrer-Policy']).toBe('same-origin');
});
