import type { Policy } from '../protocol/policy';
import { BUILT_IN_RULES, classifyUrl, type Classification, type MessengerRule } from '../rules';

/** The catalogue plus the district's extraRules, only for the messengers the settings act on. */
export function activeRules(settings: Pick<Policy, 'messengers' | 'extraRules'>): MessengerRule[] {
  const wanted = new Set(settings.messengers);
  return [...BUILT_IN_RULES, ...settings.extraRules].filter((rule) => wanted.has(rule.messenger));
}

/** classifyUrl against the active rules: null for a messenger the district switched off. */
export function classifyActive(url: string, settings: Pick<Policy, 'messengers' | 'extraRules'>): Classification | null {
  return classifyUrl(url, activeRules(settings));
}
