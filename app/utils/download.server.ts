/**
 * A file download that a browser never renders: attachment disposition (with
 * an RFC 6266 / 5987 UTF-8 filename for Chinese names), a sandbox CSP in case
 * it is opened anyway, and no caching of personal data. X-Content-Type-Options:
 * nosniff comes from the server on every response (app/server/http.ts); set
 * here too, it would be sent twice.
 */
export function downloadResponse(
  bytes: Uint8Array,
  { filename, contentType }: { filename: string; contentType: string },
): Response {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'download';
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': safeType(contentType),
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}

// Stored types come from a content check at intake; anything that could run
// as a page in the browser is served as bytes anyway.
function safeType(type: string): string {
  return /^(text\/html|application\/xhtml|image\/svg|text\/xml|application\/xml)/i.test(type)
    ? 'application/octet-stream'
    : type;
}
