import type { Policy } from '../../protocol/policy';
import { classifyActive } from '../../settings/active-rules';
import { recordEvent } from '../count-store';
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
