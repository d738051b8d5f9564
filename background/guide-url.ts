import { browser } from 'wxt/browser';
import type { MessengerId } from '../protocol/messengers';

/** Why the guide replaced the page: block mode, or the messenger did not load (throttled, down). */
export type GuideReason = 'blocked' | 'unreachable';

export const GUIDE_FILE = 'guide.html';

/** Path inside the extension, as declarativeNetRequest's `extensionPath` wants it. */
export function guidePath(messenger: MessengerId, reason: GuideReason): string {
  return `/${GUIDE_FILE}?${new URLSearchParams({ messenger, reason }).toString()}`;
}

export function guideUrl(messenger: MessengerId, reason: GuideReason): string {
  return (browser.runtime.getURL as (path: string) => string)(guidePath(messenger, reason));
}
