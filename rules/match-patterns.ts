import type { SurfaceRule } from './catalogue';
import { BUILT_IN_RULES } from './classify';

/** One broad pattern for a rule (host permissions): the exact host, anything after the path prefix. */
export function matchPattern(rule: SurfaceRule): string {
  return `*://${rule.host}${rule.pathPrefix ?? '/'}*`;
}

/**
 * Chrome/Firefox match patterns for one rule: any scheme of http(s), the exact host, the path
 * prefix. A prefix ending inside a segment ('/app') gets the segment's own forms ('/app',
 * '/app/…', '/app?…') so the script is not injected into '/application-directory' (see pathMatches).
 */
export function matchPatterns(rule: SurfaceRule): string[] {
  const prefix = rule.pathPrefix ?? '/';
  const base = `*://${rule.host}${prefix}`;
  return /[A-Za-z0-9]$/.test(prefix) ? [base, `${base}/*`, `${base}?*`] : [`${base}*`];
}

/** The content script's `matches`, derived from the catalogue and never typed twice. */
export function contentScriptMatches(rules: readonly SurfaceRule[] = BUILT_IN_RULES): string[] {
  return [...new Set(rules.flatMap(matchPatterns))].sort();
}

/**
 * Origins of the catalogue's hosts, as `web_accessible_resources` wants them (Chromium accepts no
 * path but `/*` there): the guide block mode redirects to may be loaded by these pages and no others.
 */
export function catalogueOrigins(rules: readonly SurfaceRule[] = BUILT_IN_RULES): string[] {
  return [...new Set(rules.map((rule) => `*://${rule.host}/*`))].sort();
}
