import { browser } from 'wxt/browser';
import type { MessengerId } from '../protocol/messengers';
import type { Policy } from '../protocol/policy';
import { BUILT_IN_RULES, classifyUrl } from '../rules';
import { recordEvent } from './count-store';
import { serialQueue } from './serial';
import { isTopFrame, type TopFrameNavigation } from './top-frame';

/**
 * One `opened` per attempt (DESIGN §3): a user navigation to a catalogued surface is counted when
 * it starts, before any redirect, whether the page then loads, fails or is redirected (server
 * redirects belong to the same navigation). The tab remembers which messenger its current
 * navigation was counted for (storage.session outlives a stopped worker), so the page's content
 * script, when it loads, or the error, when it fails, does not count it again; routes the page
 * changes itself afterwards count by the surface rule (content script's visit tracker).
 * In block mode blockNavigation adds `blocked`: the attempt was made, the guide took its place.
 * Every step runs in arrival order, so a navigation's start is always handled before its page.
 */
const ATTEMPTS_KEY = 'navigationAttempts';
type Attempts = Record<string, MessengerId | undefined>;

const inOrder = serialQueue();

/** The catalogue and the district's own hosts. */
export const classifyAny = (url: string, settings: Policy) => classifyUrl(url, [...BUILT_IN_RULES, ...settings.extraRules]);

async function readAttempts(): Promise<Attempts> {
  return ((await browser.storage.session.get(ATTEMPTS_KEY)) as { [ATTEMPTS_KEY]?: Attempts })[ATTEMPTS_KEY] ?? {};
}

async function writeAttempt(tabId: number, messenger: MessengerId | undefined): Promise<void> {
  const attempts = await readAttempts();
  if (attempts[String(tabId)] === messenger) return;
  if (messenger) attempts[String(tabId)] = messenger;
  else delete attempts[String(tabId)];
  await browser.storage.session.set({ [ATTEMPTS_KEY]: attempts });
}

/**
 * webNavigation.onBeforeNavigate of a top frame: one navigation, however many redirects follow.
 * The catalogue is known without the settings, which may take seconds to load at start-up, so a
 * built-in host is counted at once; a district-added host once the settings are there.
 */
export function countNavigationStart(details: TopFrameNavigation, settings: Promise<Policy>): Promise<void> {
  if (!isTopFrame(details)) return Promise.resolve();
  const builtIn = classifyUrl(details.url);
  const counted = inOrder(async () => {
    await writeAttempt(details.tabId, builtIn?.messenger);
    if (builtIn) await recordEvent(builtIn.messenger, 'opened');
  });
  if (builtIn) return counted;
  return settings.then((policy) => {
    const added = classifyAny(details.url, policy);
    if (!added) return counted;
    return inOrder(async () => {
      await writeAttempt(details.tabId, added.messenger);
      await recordEvent(added.messenger, 'opened');
    });
  });
}

/** A top frame's navigation failed on `url`: counted unless its start was; the messenger failed on, or null. */
export function countFailedNavigation(tabId: number, url: string, settings: Policy): Promise<MessengerId | null> {
  return inOrder(async () => {
    const found = classifyAny(url, settings);
    if (!found) return null;
    const counted = (await readAttempts())[String(tabId)];
    if (!counted) await recordEvent(found.messenger, 'opened');
    await writeAttempt(tabId, counted ?? found.messenger);
    return found.messenger;
  });
}

/**
 * The content script saw a new surface. The page's own load was counted when its navigation
 * started (the tab's attempt is used up here), for the messenger first tried: web.skype.com
 * redirected to teams.live.com is one Skype attempt. Any later surface is a route of its own.
 */
export function countPageVisit(messenger: MessengerId, tabId: number | undefined): Promise<void> {
  return inOrder(async () => {
    if (tabId !== undefined && (await readAttempts())[String(tabId)]) {
      await writeAttempt(tabId, undefined);
      return;
    }
    await recordEvent(messenger, 'opened');
  });
}

/** A closed tab's entry goes, so its id, if reused, starts from nothing. */
export function forgetTabAttempt(tabId: number): Promise<void> {
  return inOrder(() => writeAttempt(tabId, undefined));
}
