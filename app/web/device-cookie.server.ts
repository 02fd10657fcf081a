import type { Config } from '../server/config.ts';
import { hostCookieName, readTokenCookie, tokenCookie } from './session-cookie.server.ts';
import { KNOWN_DEVICE_DAYS } from '../domain/accounts/known-devices.server.ts';

type CookieConfig = Pick<Config, 'publicUrl' | 'isProduction'>;

// The known-device cookie (docs/decisions/090). Long-lived, unlike the session
// cookie, because it opens nothing by itself: it only decides which counter a
// sign-in attempt is charged to. __Host- when Secure, as for the session.
function cookieName(config: CookieConfig): string {
  return hostCookieName(config, 'jianyan_device');
}

export function readDeviceToken(request: Request, config: CookieConfig): string | null {
  return readTokenCookie(request, cookieName(config));
}

export function deviceCookie(token: string, config: CookieConfig): string {
  return tokenCookie(config, cookieName(config), token, KNOWN_DEVICE_DAYS * 86_400);
}
