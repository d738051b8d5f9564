import { browser, type Browser } from 'wxt/browser';
import { ContentMessage, Decision, type NudgeEventAnswer, type NudgeEventMessage, type OpenAlternativeMessage, type VisitMessage } from '../messages';
import { extensionUrl } from '../messages/extension-url';
import { GUIDE_PATH } from '../messages/guide-address';
import { countPageVisit } from './attempts';
import { recordEvent } from './count-store';
import { blockLoadedPage } from './block/loaded-page';
import { decidePresentation } from './decide-presentation';
import { interstitialTexts } from './interstitial-texts';
import { currentSettings } from './policy-followers';
import { nudgeTexts } from './nudge-texts';
import { quietText } from './quiet-text';
import { snoozeMessenger } from './snooze';
import { resolveLocale } from '../i18n';

/** Counts the visit as `opened` (unless its navigation already was) and answers with what the page should show. */
export async function handleVisit(visit: VisitMessage, tabId?: number): Promise<Decision> {
  const counted = countPageVisit(visit.messenger, tabId); // stored while the decision is made
  const { settings } = await currentSettings();
  const decision = await decidePresentation(visit, settings);
  await counted;
  await blockLoadedPage(settings, visit.messenger, tabId);
  const interstitial = decision.presentation === 'interstitial' ? { interstitial: interstitialTexts(decision.locale, visit.messenger, decision.alternative.name) } : {};
  return Decision.parse({ ...decision, ...interstitial, texts: nudgeTexts(decision.locale, visit.messenger, decision.alternative.name) });
}

/**
 * `proceeded` (confirm mode) snoozes too: the interstitial does not come back until the snooze ends.
 * After `personal_use` the answer says until when, in the teacher's words.
 */
export async function handleNudgeEvent(message: NudgeEventMessage, snoozeMinutes?: number): Promise<NudgeEventAnswer> {
  await recordEvent(message.messenger, message.event);
  if (message.event !== 'personal_use' && message.event !== 'dismissed' && message.event !== 'proceeded') return { ok: true };
  const { settings } = await currentSettings();
  const minutes = snoozeMinutes ?? settings.snoozeMinutes;
  await snoozeMessenger(message.messenger, minutes);
  return message.event === 'personal_use' ? { ok: true, quiet: quietText(resolveLocale(settings.locale), minutes) } : { ok: true };
}

/** Opens the policy's alternative next to the messenger's tab, and counts the step toward it. */
export async function openAlternative(message: OpenAlternativeMessage, tab: { id?: number; index?: number }): Promise<void> {
  const { settings } = await currentSettings();
  await recordEvent(message.messenger, 'alternative_opened');
  await browser.tabs.create({ url: settings.alternative.url, openerTabId: tab.id, index: tab.index === undefined ? undefined : tab.index + 1 });
}

export async function openGuide(section?: 'message'): Promise<void> {
  await browser.tabs.create({ url: extensionUrl(`${GUIDE_PATH}${section ? `#${section}` : ''}`) });
}

/**
 * Entry for runtime messages: only from this extension's own content scripts (a tab sender),
 * and only what the schema allows. Anything else is ignored without an answer.
 */
export function handleRuntimeMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || !sender.tab) return undefined;
  const parsed = ContentMessage.safeParse(raw);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  switch (message.type) {
    case 'visit':
      return handleVisit(message, sender.tab.id);
    case 'nudge_event':
      return handleNudgeEvent(message);
    case 'open_alternative':
      return openAlternative(message, sender.tab).then(() => ({ ok: true }));
    case 'open_guide':
      return openGuide(message.section).then(() => ({ ok: true }));
  }
}
