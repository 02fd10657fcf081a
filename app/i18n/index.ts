import { defaultLocale, locales, messages, type Locale, type MessageKey } from './messages.ts';

export { defaultLocale, locales, type Locale, type MessageKey };

export const LOCALE_COOKIE = 'lng';

// Consultations are run by Chinese institutions: dates are shown in China
// Standard Time whatever the server's or the reader's zone, so that a closing
// date reads the same for everyone (and server and browser render alike).
const TIME_ZONE = 'Asia/Shanghai';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** `?lng=en` wins, then the `lng` cookie, then Simplified Chinese. */
export function detectLocale(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get('lng');
  if (isLocale(fromQuery)) return fromQuery;
  const cookie = request.headers.get('Cookie') ?? '';
  const match = /(?:^|;\s*)lng=([^;]+)/.exec(cookie);
  const fromCookie = match?.[1] ? decodeURIComponent(match[1]) : undefined;
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const table = messages[locale];
  return (key, params) => {
    const template = table[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(date);
}
