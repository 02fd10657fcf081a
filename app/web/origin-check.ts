import type express from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every mutation, with SameSite=Lax cookies: a POST (PUT,
 * PATCH, DELETE) whose Origin (or, failing that, Referer) names another site is
 * refused. The expected origin is PUBLIC_URL when set; otherwise the request's
 * own Host, compared without the scheme so a TLS-terminating proxy needs no
 * configuration. Requests with neither header come from non-browser clients,
 * which CSRF cannot drive; `Origin: null` (sandboxed frames) is refused.
 * Paths under `exempt` authenticate by bearer token, not cookies.
 */
export function originCheck({
  publicUrl,
  exempt = [],
}: {
  publicUrl?: string;
  exempt?: string[];
}): express.RequestHandler {
  const expectedOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || exempt.some((prefix) => req.path.startsWith(prefix))) return next();
    const claimed = req.get('origin') ?? originOf(req.get('referer'));
    if (claimed === undefined) return next();
    const ok = expectedOrigin ? claimed === expectedOrigin : hostOf(claimed) === req.get('host');
    if (ok) return next();
    res
      .status(403)
      .type('html')
      .send(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>403</title>' +
          '<h1>请求来源校验失败</h1><p>请返回本站页面后重新提交。</p>' +
          '<p lang="en">The request did not come from this site. Please go back to the page and submit again.</p></html>',
      );
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
