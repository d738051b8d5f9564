import { DEFAULT_POLICY, type Policy } from '../protocol/policy';
import type { Presentation, UiLocale, VisitMessage } from '../messages';
import { resolveLocale } from '../i18n';
import { isSnoozed } from './snooze';

export interface PresentationDecision {
  presentation: Presentation;
  alternative: Policy['alternative'];
  message?: string;
  locale: UiLocale;
}

/**
 * The one place that decides what a visit to a listed page shows. Reads the policy (today the
 * defaults) and the snooze; 'interstitial' (confirm mode) and 'none' (off) follow the policy.
 */
export async function decidePresentation(visit: VisitMessage, policy: Policy = DEFAULT_POLICY, now: number = Date.now()): Promise<PresentationDecision> {
  const locale = resolveLocale(policy.locale);
  const message = policy.message[locale];
  const base = { alternative: policy.alternative, locale, ...(message ? { message } : {}) };
  if (!policy.messengers.includes(visit.messenger)) return { ...base, presentation: 'none' };
  if (await isSnoozed(visit.messenger, now)) return { ...base, presentation: 'none' };
  return { ...base, presentation: 'banner' };
}
