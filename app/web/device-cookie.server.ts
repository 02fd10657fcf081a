import type { Config } from '../server/config.ts';
import { cookieIsSecure } from './session-cookie.server.ts';
import { KNOWN_DEVICE_DAYS } from '../domain/accounts/known-devices.server.ts';

type CookieConfig = Pick<Config, 'publicUrl' | 'isProduction'>;

// The known-device cookie (docs/decisions/090). Long-lived, unlike the session
// cookie, because it opens nothing by itself: it only decides which counter a
// sign-in attempt is charged to. __Host- when Secure, as for the session.
function cookieName(config: CookieConfig): string {
  return cookieIsSecure(config) ? '__Host-jianyan_device' : 'jianyan_device';
}

export function readDeviceToken(request: Request, config: CookieConfig): string | null {
  const name = cookieName(config);
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

export function deviceCookie(token: string, config: CookieConfig): string {
  const secure = cookieIsSecure(config) ? '; Secure' : '';
  return `${cookieName(config)}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${KNOWN_DEVICE_DAYS * 86_400}${secure}`;
}
