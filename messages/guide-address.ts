import { z } from 'zod/mini';
import { MESSENGER_IDS, type MessengerId } from '../protocol/messengers';

/**
 * The guide page's address, written by the background (block mode, a messenger that did not load)
 * and read by the guide: `/guide.html?messenger=…&reason=…`. The popup opens it bare.
 */
export const GUIDE_FILE = 'guide.html';
export const GUIDE_PATH = `/${GUIDE_FILE}`;

/** Why the guide replaced the page: block mode, or the messenger did not load (throttled, down). */
export const GuideReason = z.enum(['blocked', 'unreachable']);
export type GuideReason = z.infer<typeof GuideReason>;

const Messenger = z.enum(MESSENGER_IDS);

/** Path inside the extension, as declarativeNetRequest's `extensionPath` wants it. */
export function guidePath(messenger: MessengerId, reason: GuideReason): string {
  return `${GUIDE_PATH}?${new URLSearchParams({ messenger, reason }).toString()}`;
}

/** Why the guide replaced a page, from the guide's own address; null when it was opened by hand or the address is made up. */
export function guideReason(search: string): { messenger: MessengerId; reason: GuideReason } | null {
  const params = new URLSearchParams(search);
  const messenger = Messenger.safeParse(params.get('messenger'));
  const reason = GuideReason.safeParse(params.get('reason'));
  return messenger.success && reason.success ? { messenger: messenger.data, reason: reason.data } : null;
}
