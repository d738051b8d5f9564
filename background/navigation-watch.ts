import { browser } from 'wxt/browser';
import type { Policy } from '../protocol/policy';
import { classifyAny, countFailedNavigation } from './attempts';
import { guideUrl } from './guide-url';
import { isSnoozed } from './snooze';
import { isTopFrame, type TopFrameNavigation } from './top-frame';

/** Errors that are not "the messenger did not load": the user stopped it, or a rule blocked it. */
const NOT_A_FAILURE = new Set(['net::ERR_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_BLOCKED_BY_ADMINISTRATOR', 'NS_BINDING_ABORTED']);
const ABORTED = new Set(['net::ERR_ABORTED', 'NS_BINDING_ABORTED']);

/**
 * Most listed services are blocked or throttled in Russia: their pages often never load, so no
 * content script runs. The attempt was counted when the navigation started (attempts.ts; here
 * only if that was missed, e.g. a redirect from an unlisted host), and unless the mode is off,
 * the messenger is not acted on or the teacher snoozed it, the browser's error page is replaced
 * by the guide in the same tab.
 */
export async function handleFailedNavigation(details: TopFrameNavigation, settings: Policy): Promise<void> {
  if (!isTopFrame(details)) return;
  if (details.error && NOT_A_FAILURE.has(details.error)) {
    // Only a messenger's aborted navigation is looked at again; any other site's is left at once.
    if (!ABORTED.has(details.error) || !classifyAny(details.url, settings) || !(await showsErrorPage(details))) return;
  }
  const messenger = await countFailedNavigation(details.tabId, details.url, settings);
  if (!messenger) return;
  if (settings.mode === 'off' || !settings.messengers.includes(messenger) || (await isSnoozed(messenger))) return;
  await browser.tabs.update(details.tabId, { url: guideUrl(messenger, 'unreachable') });
}

const ERROR_PAGE_CHECKS = 10;
const ERROR_PAGE_CHECK_MS = 200;

/**
 * An aborted navigation is usually the teacher's Stop or a newer navigation. But a navigation
 * Chromium restarts while it is starting up is reported aborted, and its error page for the
 * messenger then follows with no event of its own: the tab's frame then stays on the messenger's
 * address with an error. Checked for a moment, since the error page commits after the event.
 */
async function showsErrorPage(details: TopFrameNavigation): Promise<boolean> {
  for (let check = 0; check < ERROR_PAGE_CHECKS; check += 1) {
    await new Promise((resolve) => setTimeout(resolve, ERROR_PAGE_CHECK_MS));
    // A closed tab rejects; some browsers throw at once.
    const frame = await Promise.resolve()
      .then(() => browser.webNavigation.getFrame({ tabId: details.tabId, frameId: 0 }))
      .catch(() => null);
    if (!frame) return false;
    if (frame.errorOccurred && frame.url === details.url) return true;
  }
  return false;
}
