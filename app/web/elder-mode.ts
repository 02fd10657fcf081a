// 长辈模式 (elderly mode), after MIIT's 《互联网网站适老化通用设计规范》:
// larger type, stronger contrast, bigger targets, nothing floating. The
// choice lives in a cookie and is switched by a plain form POST, so it works
// without JavaScript; the stylesheet does the rest (html.elder).

export const ELDER_COOKIE = 'elder';

export function elderModeFromRequest(request: Request): boolean {
  const cookie = request.headers.get('Cookie') ?? '';
  return /(?:^|;\s*)elder=1(?:;|$)/.test(cookie);
}

export function elderModeCookie(on: boolean, secure: boolean): string {
  const flags = `Path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
  return on ? `${ELDER_COOKIE}=1; Max-Age=31536000; ${flags}` : `${ELDER_COOKIE}=; Max-Age=0; ${flags}`;
}
