import { siteLink } from '../site-link.ts';

/** The public /track page, for mail and files: built from the configured site address only. */
export function trackUrl(siteUrl: string): string {
  return siteLink(siteUrl, '/track');
}
