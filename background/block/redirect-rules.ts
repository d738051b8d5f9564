import { browser, type Browser } from 'wxt/browser';
import { guidePath } from '../../messages/guide-address';
import type { Policy } from '../../protocol/policy';
import { activeRules } from '../../settings/active-rules';
import { serialQueue } from '../serial';

type DnrRule = Browser.declarativeNetRequest.Rule;

/** Dynamic rule ids this module owns; other modules must not use this range. */
const FIRST_RULE_ID = 1000;
const LAST_RULE_ID = 1999;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Block mode, first stop: every catalogued (and district-added) page of an active messenger is
 * redirected to the guide before any request leaves the computer, so the messenger never flashes
 * on screen (counted by navigation.ts; a page that loads anyway: loaded-page.ts).
 * Exact host and path prefix, like classifyUrl; main frame only (an embedded chat is left alone).
 */
export function blockRedirectRules(settings: Pick<Policy, 'mode' | 'messengers' | 'extraRules'>): DnrRule[] {
  if (settings.mode !== 'block') return [];
  return activeRules(settings).map((rule, index) => ({
    id: FIRST_RULE_ID + index,
    priority: 1,
    action: { type: 'redirect', redirect: { extensionPath: guidePath(rule.messenger, 'blocked') } },
    condition: {
      regexFilter: `^https?://${escapeRegex(rule.host)}\\.?(:[0-9]+)?${escapeRegex(rule.pathPrefix ?? '/')}`,
      resourceTypes: ['main_frame'],
    },
  })) as DnrRule[];
}

const queued = serialQueue();

/** Replaces this module's dynamic rules with those the settings call for (none outside block mode). */
export function syncBlockRules(settings: Pick<Policy, 'mode' | 'messengers' | 'extraRules'>): Promise<void> {
  return queued(async () => {
    const existing = await browser.declarativeNetRequest.getDynamicRules();
    const ours = existing.filter((rule) => rule.id >= FIRST_RULE_ID && rule.id <= LAST_RULE_ID).map((rule) => rule.id);
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: ours, addRules: blockRedirectRules(settings) });
  });
}
