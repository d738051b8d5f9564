import { browser } from 'wxt/browser';
import type { Policy } from '../../protocol/policy';
import { classifyActive } from '../../settings/active-rules';
import { replaceWithGuide } from './loaded-page';

/**
 * Block mode arriving while messenger pages are open: the managed policy answering seconds after
 * start-up (the page opened under the last policy kept), or a policy changed live. Each such tab
 * goes to the guide; the network rules stop the next ones. Tabs show their address only for the
 * hosts this extension may access, which are the ones it blocks.
 */
export async function blockOpenTabs(settings: Pick<Policy, 'mode' | 'messengers' | 'extraRules'>): Promise<void> {
  if (settings.mode !== 'block') return;
  for (const tab of await browser.tabs.query({})) {
    const found = tab.url && tab.id !== undefined ? classifyActive(tab.url, settings) : null;
    if (found && tab.id !== undefined) await replaceWithGuide(tab.id, found.messenger);
  }
}
