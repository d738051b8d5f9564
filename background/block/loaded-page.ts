import { browser } from 'wxt/browser';
import type { MessengerId } from '../../protocol/messengers';
import type { Policy } from '../../protocol/policy';
import { recordEvent } from '../count-store';
import { guideUrl } from '../guide-url';

/**
 * Block mode, third stop (after redirect-rules.ts and navigation.ts): a listed page that loaded
 * anyway (an in-app route to a listed surface, which no network rule sees) reports its visit, and
 * its tab is replaced by the guide, counted as `blocked` like a redirect.
 */
export async function blockLoadedPage(settings: Pick<Policy, 'mode' | 'messengers'>, messenger: MessengerId, tabId: number | undefined): Promise<void> {
  if (settings.mode === 'block' && settings.messengers.includes(messenger) && tabId !== undefined) await replaceWithGuide(tabId, messenger);
}

/** Counts `blocked` and sends the tab to the guide. */
export async function replaceWithGuide(tabId: number, messenger: MessengerId): Promise<void> {
  await recordEvent(messenger, 'blocked');
  await browser.tabs.update(tabId, { url: guideUrl(messenger, 'blocked') });
}
