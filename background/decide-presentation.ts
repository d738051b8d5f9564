import { alternativeName, DEFAULT_POLICY, type Policy } from '../protocol/policy';
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
 * The one place that decides what a visit to a listed page shows, from the effective settings
 * (settings/) and the snooze: off → none; inform → banner; confirm → interstitial; block → none
 * (the page is replaced by the guide: see block/).
 */
export async function decidePresentation(visit: VisitMessage, policy: Policy = DEFAULT_POLICY, now: number = Date.now()): Promise<PresentationDecision> {
  const locale = resolveLocale(policy.locale);
  const message = policy.message[locale];
  const alternative = { ...policy.alternative, name: alternativeName(policy.alternative, locale) };
  const base = { alternative, locale, ...(message ? { message } : {}) };
  if (policy.mode === 'off' || policy.mode === 'block' || !policy.messengers.includes(visit.messenger)) return { ...base, presentation: 'none' };
  if (await isSnoozed(visit.messenger, now)) return { ...base, presentation: 'none' };
  return { ...base, presentation: policy.mode === 'confirm' ? 'interstitial' : 'banner' };
}
