import type { AlternativeTarget } from '../protocol/alternatives';
import { parseWebUrl } from './classify';

/**
 * The alternative set (DESIGN §3): where a class chat should live. Never messengers; a top-level
 * visit to one of them counts as an alternative visit, by target id only.
 * `sferum.ru` includes its subdomains (prof., web., …); the others are exact hosts.
 */
const EXACT_HOSTS: Readonly<Record<string, AlternativeTarget>> = {
  'sferum.ru': 'sferum',
  'max.ru': 'max',
  'web.max.ru': 'max',
  'web.vk.me': 'vk_messenger',
};

function hostOf(url: string): string | null {
  return parseWebUrl(url)?.hostname.toLowerCase().replace(/\.$/, '') ?? null;
}

function builtInTarget(host: string): AlternativeTarget | null {
  return EXACT_HOSTS[host] ?? (host.endsWith('.sferum.ru') ? 'sferum' : null);
}

/**
 * Pure and total: the target a top-level URL belongs to, or null. `alternativeUrl` is the policy's
 * `alternative.url`: its exact host is `district` unless it is one of the built-in set.
 */
export function classifyAlternative(url: string, alternativeUrl = ''): AlternativeTarget | null {
  const host = hostOf(url);
  if (!host) return null;
  const builtIn = builtInTarget(host);
  if (builtIn) return builtIn;
  return alternativeUrl !== '' && hostOf(alternativeUrl) === host ? 'district' : null;
}
