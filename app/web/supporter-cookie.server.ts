import crypto from 'node:crypto';
import type { Config } from '../server/config.ts';
import { cookieIsSecure } from './session-cookie.server.ts';

type CookieConfig = Pick<Config, 'publicUrl' | 'isProduction'>;

// The 附议 supporter id (docs/decisions/048): random, HttpOnly, a year long.
// It names no one; the database keeps only its hash. Clearing cookies lets a
// person support again: a known limit, bounded by the captcha and the rate limit.
const SUPPORTER_DAYS = 365;

function cookieName(config: CookieConfig): string {
  return cookieIsSecure(config) ? '__Host-jianyan_supporter' : 'jianyan_supporter';
}

/** The supporter id from the request's cookie, or a new one (then `setCookie` must be sent). */
export function supporterOf(request: Request, config: CookieConfig): { id: string; setCookie?: string } {
  const name = cookieName(config);
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name && /^[A-Za-z0-9_-]{43}$/.test(rest.join('='))) return { id: rest.join('=') };
  }
  const id = crypto.randomBytes(32).toString('base64url');
  const secure = cookieIsSecure(config) ? '; Secure' : '';
  return {
    id,
    setCookie: `${name}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SUPPORTER_DAYS * 86_400}${secure}`,
  };
}
