import type { Config } from '../server/config.ts';

type CookieConfig = Pick<Config, 'publicUrl' | 'isProduction'>;

/** Secure (HTTPS-only) when the portal is served over HTTPS or declared production. */
export function cookieIsSecure(config: CookieConfig): boolean {
  return config.isProduction || config.publicUrl?.startsWith('https:') === true;
}

// The __Host- prefix makes the browser refuse the cookie unless it is Secure,
// host-only and path=/: no subdomain can plant or overwrite it. The staff
// session and the known-device cookie (device-cookie.server.ts) both use it.
export function hostCookieName(config: CookieConfig, name: string): string {
  return cookieIsSecure(config) ? `__Host-${name}` : name;
}

/** The token in the first cookie called `name`: 32 random bytes in base64url, or null for anything else. */
export function readTokenCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** Set-Cookie for a token the page's scripts never read; without `maxAgeSeconds` it ends with the browser. */
export function tokenCookie(config: CookieConfig, name: string, value: string, maxAgeSeconds?: number): string {
  const maxAge = maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`;
  const secure = cookieIsSecure(config) ? '; Secure' : '';
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax${maxAge}${secure}`;
}

function cookieName(config: CookieConfig): string {
  return hostCookieName(config, 'jianyan_staff');
}

export function readSessionToken(request: Request, config: CookieConfig): string | null {
  return readTokenCookie(request, cookieName(config));
}

// No Max-Age: the cookie ends with the browser, and the server-side expiry
// decides the rest. SameSite=Lax plus the origin check guard every POST.
export function sessionCookie(token: string, config: CookieConfig): string {
  return tokenCookie(config, cookieName(config), token);
}

export function clearedSessionCookie(config: CookieConfig): string {
  return tokenCookie(config, cookieName(config), '', 0);
}
