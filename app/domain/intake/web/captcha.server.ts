import type { DomainSettings } from '../../settings.ts';

export type CaptchaOutcome =
  { outcome: 'passed' } | { outcome: 'failed'; errorCodes: string[] } | { outcome: 'unavailable'; reason: string };

const TIMEOUT_MS = 5000;

/**
 * hCaptcha siteverify (https://docs.hcaptcha.com/#verify-the-user-response-server-side):
 * POST secret, response, remoteip and sitekey as a form. "Unavailable" (network
 * error, timeout, 5xx, unreadable answer) is not "failed": the caller keeps the
 * suggestion for a person to check instead of refusing it.
 */
export async function verifyCaptcha(
  captcha: DomainSettings['captcha'],
  { token, remoteIp }: { token: string; remoteIp: string },
): Promise<CaptchaOutcome> {
  const body = new URLSearchParams({ secret: captcha.secret, response: token, sitekey: captcha.siteKey });
  if (remoteIp && remoteIp !== 'unknown') body.set('remoteip', remoteIp);
  let response: Response;
  try {
    response = await fetch(captcha.verifyUrl, { method: 'POST', body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    return { outcome: 'unavailable', reason: error instanceof Error ? error.name : 'network' };
  }
  if (response.status >= 500) return { outcome: 'unavailable', reason: `http ${response.status}` };
  let result: { success?: unknown; 'error-codes'?: unknown };
  try {
    result = (await response.json()) as typeof result;
  } catch {
    return { outcome: 'unavailable', reason: 'unreadable answer' };
  }
  if (result.success === true) return { outcome: 'passed' };
  const codes = Array.isArray(result['error-codes']) ? result['error-codes'].map(String) : [];
  return { outcome: 'failed', errorCodes: codes };
}
