import { browser } from 'wxt/browser';
import type { ExtraRule, Policy } from '../protocol/policy';
import { matchPattern } from '../rules';
import { serialQueue } from './serial';

export const EXTRA_SCRIPT_ID = 'podskazka-extra-rules';

/** The nudge content script as WXT builds it (entrypoints/messenger.content). */
export const NUDGE_SCRIPT_FILE = 'content-scripts/messenger.js';

/** Origins to ask the teacher (or IT) to grant, one per district-added host. */
export function extraRuleOrigins(rules: readonly ExtraRule[]): string[] {
  return [...new Set(rules.map((rule) => `*://${rule.host}/*`))].sort();
}

/** Patterns of the active extraRules whose hosts this extension may already access. */
export async function grantedExtraPatterns(settings: Pick<Policy, 'messengers' | 'extraRules'>): Promise<string[]> {
  const wanted = settings.extraRules.filter((rule) => settings.messengers.includes(rule.messenger));
  const patterns: string[] = [];
  for (const rule of wanted) {
    const granted = await browser.permissions.contains({ origins: [`*://${rule.host}/*`] }).catch(() => false);
    if (granted) patterns.push(matchPattern(rule));
  }
  return [...new Set(patterns)].sort();
}

const queued = serialQueue();

/**
 * The manifest's content script covers the built-in catalogue; district-added hosts get the same
 * script registered at run time, once their host permission is granted (optional permissions
 * need a click: see docs/policy.md). Re-run on every settings or permission change.
 */
export function syncExtraContentScripts(settings: Pick<Policy, 'messengers' | 'extraRules'>, file: string = NUDGE_SCRIPT_FILE): Promise<void> {
  return queued(async () => {
    const matches = await grantedExtraPatterns(settings);
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [EXTRA_SCRIPT_ID] });
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [EXTRA_SCRIPT_ID] });
    if (matches.length === 0) return;
    await browser.scripting.registerContentScripts([{ id: EXTRA_SCRIPT_ID, js: [file], matches, runAt: 'document_start', persistAcrossSessions: true }]);
  });
}
