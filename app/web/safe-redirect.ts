// The one guard for every redirect target that comes from a request (login's
// redirectTo, the 长辈模式 switch's returnTo). An open redirect would lend
// the portal's name to a phishing page, so only a path on this site passes.
//
// Browsers strip tabs and newlines from a Location and treat "\" as "/", so
// "/\t/evil.example" and "/\evil.example" both become "//evil.example"
// (another host). Anything with a control character or a backslash is refused
// before the path is even parsed; then the WHATWG URL parser, the one browsers
// use, must resolve it to our own origin.

const ORIGIN = 'http://portal.invalid';

export function safeRedirect(to: unknown, fallback = '/'): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith('/') || to.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(to, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
