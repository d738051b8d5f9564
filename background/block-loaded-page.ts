import { browser } from 'wxt/browser';
import type { MessengerId } from '../protocol/messengers';
import { recordEvent } from './count-store';
import { guideUrl } from './guide-url';

/**
 * Block mode, when a listed page loaded anyway (an in-app route to a listed surface, which no
 * network rule sees): the tab is replaced by the guide, counted as `blocked` like a redirect.
 */
export async function replaceWithGuide(tabId: number, messenger: MessengerId): Promise<void> {
  await recordEvent(messenger, 'blocked');
  await browser.tabs.update(tabId, { url: guideUrl(messenger, 'blocked') });
}
