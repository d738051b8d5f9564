import { browser } from 'wxt/browser';
import type { Policy } from '../../protocol/policy';
import { classifyActive } from '../../settings/active-rules';
import { recordEvent } from '../count-store';
import { guideUrl } from '../guide-url';
import { extensionOrigin } from '../../messages/extension-url';
import { GUIDE_PATH, guideReason } from '../../messages/guide-address';
import { hostAccess, isTopFrame, type TopFrameNavigation } from '../top-frame';
import { replaceWithGuide } from './loaded-page';

/**
 * Block mode, second stop: the declarativeNetRequest rule (redirect-rules.ts) redirects this
 * navigation to the guide before any request is sent; count it here, when it starts, because the
 * blocked page never runs a script. A district-added host without host access gets no redirect
 * (Chrome requires host access for it), so the tab is sent to the guide from here instead: a
 * later, but still certain, stop.
 */
export async function blockNavigation(details: TopFrameNavigation, settings: Policy): Promise<void> {
  if (settings.mode !== 'block' || !isTopFrame(details)) return;
  const found = classifyActive(details.url, settings);
  if (!found) return;
  if (await hostAccess(details.url)) await recordEvent(found.messenger, 'blocked');
  else await replaceWithGuide(details.tabId, found.messenger);
}

/**
 * Chromium lets a page reach the guide only from the hosts it is web-accessible to (the catalogue's,
 * see wxt.config.ts), so the redirect of a navigation started elsewhere (a link on the school's
 * site) fails with ERR_BLOCKED_BY_CLIENT at the guide's address: nothing of the messenger loaded
 * (no request left), and the extension itself opens that same guide in the tab. Counted already
 * when the navigation started.
 */
export async function reopenRefusedGuide(details: TopFrameNavigation): Promise<void> {
  if (!isTopFrame(details) || details.error !== 'net::ERR_BLOCKED_BY_CLIENT') return;
  if (!details.url.startsWith(`${extensionOrigin()}${GUIDE_PATH}?`)) return;
  const redirected = guideReason(details.url.slice(details.url.indexOf('?')));
  if (redirected?.reason === 'blocked') await browser.tabs.update(details.tabId, { url: guideUrl(redirected.messenger, 'blocked') });
}
