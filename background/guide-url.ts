import { browser } from 'wxt/browser';
import { guidePath, type GuideReason } from '../messages/guide-address';
import type { MessengerId } from '../protocol/messengers';

/** The guide's full address in this extension, for a tab to open. */
export function guideUrl(messenger: MessengerId, reason: GuideReason): string {
  return (browser.runtime.getURL as (path: string) => string)(guidePath(messenger, reason));
}
