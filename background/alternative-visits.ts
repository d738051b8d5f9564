import { browser } from 'wxt/browser';
import type { AlternativeTarget } from '../protocol/alternatives';
import type { Policy } from '../protocol/policy';
import { classifyAlternative } from '../rules/alternatives';
import { recordVisit } from './visit-store';
import { isTopFrame, type TopFrameNavigation } from './top-frame';
import { serialQueue } from './serial';

/**
 * Alternative visits (DESIGN §3) from the navigation events the worker already receives: no
 * content script, no new permission. A visit is a tab's top frame arriving at a target from
 * elsewhere; moving between pages of the same target, or reloading one, is the same visit.
 * Which target each tab is on lives in storage.session (never written to disk, gone with the
 * browser), so a stopped worker does not count a page twice.
 */
const TAB_TARGETS_KEY = 'alternativeTabTargets';
type TabTargets = Record<string, AlternativeTarget | undefined>;

const session = () => browser.storage.session;

const inOrder = serialQueue();

export function countAlternativeVisit(details: TopFrameNavigation & { transitionType?: string }, settings: Policy): Promise<void> {
  if (!isTopFrame(details)) return Promise.resolve();
  const target = classifyAlternative(details.url, settings.alternative.url);
  return inOrder(async () => {
    const { [TAB_TARGETS_KEY]: tabs = {} } = (await session().get(TAB_TARGETS_KEY)) as { [TAB_TARGETS_KEY]?: TabTargets };
    const key = String(details.tabId);
    const before = tabs[key];
    if (before === target) return;
    if (target) tabs[key] = target;
    else delete tabs[key];
    await session().set({ [TAB_TARGETS_KEY]: tabs });
    if (target) await recordVisit(target);
  });
}

/** A closed tab's entry goes, so its id, if reused, starts from nothing. */
export function forgetTab(tabId: number): Promise<void> {
  return inOrder(async () => {
    const { [TAB_TARGETS_KEY]: tabs = {} } = (await session().get(TAB_TARGETS_KEY)) as { [TAB_TARGETS_KEY]?: TabTargets };
    if (!(String(tabId) in tabs)) return;
    delete tabs[String(tabId)];
    await session().set({ [TAB_TARGETS_KEY]: tabs });
  });
}
