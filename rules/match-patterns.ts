import type { SurfaceRule } from './catalogue';
import { BUILT_IN_RULES } from './classify';

/** Chrome/Firefox match pattern for one rule: any scheme of http(s), the exact host, the path prefix. */
export function matchPattern(rule: SurfaceRule): string {
  return `*://${rule.host}${rule.pathPrefix ?? '/'}*`;
}

/** The content script's `matches`, derived from the catalogue and never typed twice. */
export function contentScriptMatches(rules: readonly SurfaceRule[] = BUILT_IN_RULES): string[] {
  return [...new Set(rules.map(matchPattern))].sort();
}
