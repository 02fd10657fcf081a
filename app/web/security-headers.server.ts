import crypto from 'node:crypto';

// hCaptcha's documented CSP sources (https://docs.hcaptcha.com/#content-security-policy-settings).
const HCAPTCHA = ['https://hcaptcha.com', 'https://*.hcaptcha.com'];

export const newNonce = () => crypto.randomBytes(16).toString('base64');

/**
 * Scripts run only from the portal itself, with this response's nonce (React
 * Router's inline hydration data) or from hCaptcha: an injected <script> or
 * event-handler attribute in anything a citizen sent does not execute.
 * `captchaScriptUrl` (HCAPTCHA_SCRIPT_URL, a test fake or a proxy) is allowed as well.
 * Inline style attributes stay allowed: hCaptcha's widget sets them, and styles cannot run code.
 */
export function contentSecurityPolicy({
  nonce,
  captchaScriptUrl,
}: {
  nonce: string;
  captchaScriptUrl?: string;
}): string {
  const captcha = [...HCAPTCHA, ...(captchaScriptUrl ? [new URL(captchaScriptUrl).origin] : [])].join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${captcha}`,
    `style-src 'self' 'unsafe-inline' ${captcha}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${captcha}`,
    `frame-src ${captcha}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export type SecurityHeaderOptions = {
  publicUrl: string | undefined;
  captchaScriptUrl: string | undefined;
  nonce: string | undefined;
};

/** The headers every response carries. Without a nonce (Vite's dev server, which injects its own inline scripts) no CSP is sent. */
export function securityHeaders({ publicUrl, captchaScriptUrl, nonce }: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    // Tracking codes appear in URLs; they must not leak to other sites.
    'Referrer-Policy': 'same-origin',
    // For browsers older than CSP's frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (nonce) headers['Content-Security-Policy'] = contentSecurityPolicy({ nonce, captchaScriptUrl });
  // Browsers ignore HSTS over plain http, so it is sent only where the public address is https.
  if (publicUrl?.startsWith('https:')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
