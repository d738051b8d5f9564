import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

/**
 * Cross-site request forgery: a state-changing request must come from our own page. Two
 * independent checks: the browser's Origin (or Referer) names our host and Sec-Fetch-Site, when
 * sent, says same-origin; and, once logged in, the X-CSRF-Token header repeats the session's
 * token, which another site cannot read.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

export function isSameOrigin(c: Context): boolean {
  const fetchSite = c.req.header('Sec-Fetch-Site');
  if (fetchSite && fetchSite !== 'same-origin') return false;
  const source = c.req.header('Origin') ?? c.req.header('Referer');
  if (!source || source === 'null') return false;
  // Behind a reverse proxy that rewrites Host, the browser's host arrives as X-Forwarded-Host; another
  // site cannot make a browser send that header (it is not CORS-safelisted), so trusting it is safe.
  const hosts = [c.req.header('Host') ?? new URL(c.req.url).host, c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim()];
  try {
    return hosts.includes(new URL(source).host);
  } catch {
    return false;
  }
}

export function hasCsrfToken(c: Context, expected: string): boolean {
  const given = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && wanted.length > 0 && timingSafeEqual(given, wanted);
}
