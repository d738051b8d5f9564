import { guidePath, type GuideReason } from '../messages/guide-address';
import { extensionUrl } from '../messages/extension-url';
import type { MessengerId } from '../protocol/messengers';

/** The guide's full address in this extension, for a tab to open. */
export function guideUrl(messenger: MessengerId, reason: GuideReason): string {
  return extensionUrl(guidePath(messenger, reason));
}
