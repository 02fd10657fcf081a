// Every link the portal writes into mail or files is a path under a base
// address: the configured site address for mail (decision 003), PUBLIC_URL or
// the request's origin for an export's link column. The address may carry a
// path prefix when the portal is served under one (https://example.edu.cn/jianyan/),
// so the path is joined to it as text: `new URL('/track', base)` would resolve
// against the host and drop the prefix.
// It sits at the root of the domain, beside not-found.ts, so that any area may
// use it: beside trackUrl in suggestions/, the unlock link would tie accounts to
// suggestions, which already depends on accounts through contacts (decision 006).

/** `path` under the base address `siteUrl`, with exactly one slash between them. */
export function siteLink(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
