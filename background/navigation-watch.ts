import { browser } from 'wxt/browser';
import type { Policy } from '../protocol/policy';
import { countFailedNavigation } from './attempts';
import { guideUrl } from './guide-url';
import { isSnoozed } from './snooze';
import { hostAccess, isTopFrame, type TopFrameNavigation } from './top-frame';

/** Errors that are not "the messenger did not load": the user stopped it, or a rule blocked it. */
const NOT_A_FAILURE = new Set(['net::ERR_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_BLOCKED_BY_ADMINISTRATOR', 'NS_BINDING_ABORTED']);

/**
 * Most listed services are blocked or throttled in Russia: their pages often never load, so no
 * content script runs. The attempt was counted when the navigation started (attempts.ts; here
 * only if that was missed, e.g. a redirect from an unlisted host), and unless the mode is off,
 * the messenger is not acted on or the teacher snoozed it, the browser's error page is replaced
 * by the guide in the same tab.
 */
export async function handleFailedNavigation(details: TopFrameNavigation, settings: Policy): Promise<void> {
  if (!isTopFrame(details) || (details.error && NOT_A_FAILURE.has(details.error))) return;
  const messenger = await countFailedNavigation(details.tabId, details.url, settings);
  if (!messenger) return;
  if (settings.mode === 'off' || !settings.messengers.includes(messenger) || (await isSnoozed(messenger))) return;
  await browser.tabs.update(details.tabId, { url: guideUrl(messenger, 'unreachable') });
}
