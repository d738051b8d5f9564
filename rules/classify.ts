import type { MessengerId, Surface } from '../protocol/messengers';
import { CATALOGUE, type SurfaceRule } from './catalogue';

export interface Classification {
  messenger: MessengerId;
  surface: Surface;
}

export interface MessengerRule extends SurfaceRule {
  messenger: MessengerId;
}

export const BUILT_IN_RULES: readonly MessengerRule[] = CATALOGUE.flatMap((entry) =>
  entry.rules.map((rule) => ({ ...rule, messenger: entry.id })),
);

export function parseWebUrl(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A prefix that ends inside a path segment ('/app', '/channels') covers only that whole segment:
 * '/app' and '/app/…', never '/application-directory'. A prefix ending in '/' or '+' ('/invite/',
 * '/+') is a plain prefix.
 */
export function pathMatches(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  if (!/[A-Za-z0-9]$/.test(prefix)) return true;
  const rest = path.slice(prefix.length);
  return rest === '' || rest.startsWith('/');
}

/** Pure and total: garbage in, `null` out. Exact host match, never a substring search. */
export function classifyUrl(url: string, rules: readonly MessengerRule[] = BUILT_IN_RULES): Classification | null {
  const parsed = parseWebUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  // A prefix rule (an invite path) is more specific than a whole-host rule, so it wins.
  let best: MessengerRule | null = null;
  for (const rule of rules) {
    if (rule.host !== host) continue;
    if (rule.pathPrefix !== undefined && !pathMatches(parsed.pathname, rule.pathPrefix)) continue;
    if (!best || (rule.pathPrefix?.length ?? 0) > (best.pathPrefix?.length ?? 0)) best = rule;
  }
  return best && { messenger: best.messenger, surface: best.surface };
}
