import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

/**
 * Cross-site request forgery: a state-changing request must come from our own page. Two
 * independent checks: the browser's Origin (or Referer) names our host and Sec-Fetch-Site, when
 * sent, says same-origin; and, once logged in, the X-CSRF-Token header repeats the session's
 * token, which another site cannot read.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

export function isSameOrigin(c: Context, trustProxy = false): boolean {
  const fetchSite = c.req.header('Sec-Fetch-Site');
  if (fetchSite && fetchSite !== 'same-origin') return false;
  const source = c.req.header('Origin') ?? c.req.header('Referer');
  if (!source || source === 'null') return false;
  // Behind a reverse proxy that rewrites Host, the browser's host arrives as X-Forwarded-Host. Only
  // then (serve --trust-proxy): without a proxy any client could name any host in that header.
  const hosts = [c.req.header('Host') ?? new URL(c.req.url).host];
  const forwarded = c.req.header('X-Forwarded-Host')?.split(',').at(-1)?.trim();
  if (trustProxy && forwarded) hosts.push(forwarded);
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
