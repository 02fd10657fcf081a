import type { Config } from '../server/config.ts';

/** Secure (HTTPS-only) when the portal is served over HTTPS or declared production. */
export function cookieIsSecure(config: Pick<Config, 'publicUrl' | 'isProduction'>): boolean {
  return config.isProduction || config.publicUrl?.startsWith('https:') === true;
}

// The __Host- prefix makes the browser refuse the cookie unless it is Secure,
// host-only and path=/: no subdomain can plant or overwrite it.
function cookieName(config: Pick<Config, 'publicUrl' | 'isProduction'>): string {
  return cookieIsSecure(config) ? '__Host-jianyan_staff' : 'jianyan_staff';
}

export function readSessionToken(request: Request, config: Pick<Config, 'publicUrl' | 'isProduction'>): string | null {
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

// No Max-Age: the cookie ends with the browser, and the server-side expiry
// decides the rest. SameSite=Lax plus the origin check guard every POST.
export function sessionCookie(token: string, config: Pick<Config, 'publicUrl' | 'isProduction'>): string {
  const secure = cookieIsSecure(config) ? '; Secure' : '';
  return `${cookieName(config)}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

export function clearedSessionCookie(config: Pick<Config, 'publicUrl' | 'isProduction'>): string {
  const secure = cookieIsSecure(config) ? '; Secure' : '';
  return `${cookieName(config)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}
