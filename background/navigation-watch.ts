import { browser } from 'wxt/browser';
import type { Policy } from '../protocol/policy';
import { BUILT_IN_RULES, classifyUrl } from '../rules';
import { recordEvent } from './count-store';
import { guideUrl } from './guide-url';
import { isSnoozed } from './snooze';
import { hostAccess, isTopFrame, type TopFrameNavigation } from './top-frame';

/** Errors that are not "the messenger did not load": the user stopped it, or a rule blocked it. */
const NOT_A_FAILURE = new Set(['net::ERR_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_BLOCKED_BY_ADMINISTRATOR', 'NS_BINDING_ABORTED']);

/**
 * A district-added host whose access is not granted runs no content script, so the page's visit
 * is counted here when it commits (the nudge itself needs the access: see docs/policy.md).
 */
export async function countUnscriptedVisit(details: TopFrameNavigation, settings: Policy): Promise<void> {
  if (settings.mode === 'block' || !isTopFrame(details) || classifyUrl(details.url)) return;
  const found = classifyUrl(details.url, settings.extraRules);
  if (found && !(await hostAccess(details.url))) await recordEvent(found.messenger, 'opened');
}

/**
 * Telegram and WhatsApp are throttled in Russia: their pages often never load, so no content
 * script runs. The attempt still counts as `opened` (as a loaded page would, whatever the mode),
 * and unless the mode is off, the messenger is not acted on or the teacher snoozed it, the
 * browser's error page is replaced by the guide in the same tab.
 */
export async function handleFailedNavigation(details: TopFrameNavigation, settings: Policy): Promise<void> {
  if (!isTopFrame(details) || (details.error && NOT_A_FAILURE.has(details.error))) return;
  const found = classifyUrl(details.url, [...BUILT_IN_RULES, ...settings.extraRules]);
  if (!found) return;
  await recordEvent(found.messenger, 'opened');
  if (settings.mode === 'off' || !settings.messengers.includes(found.messenger) || (await isSnoozed(found.messenger))) return;
  await browser.tabs.update(details.tabId, { url: guideUrl(found.messenger, 'unreachable') });
}
