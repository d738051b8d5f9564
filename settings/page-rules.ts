import { browser } from 'wxt/browser';
import type { Policy } from '../protocol/policy';
import { classifyUrl, type Classification } from '../rules';

/**
 * The district's extraRules, as the content script needs them on a district-added host: the
 * background publishes them to storage.local, the page reads them. They were parsed with the
 * policy's schema before they were published, and storage.local is the extension's own; whatever a
 * rule classifies still reaches the background only through the message schemas
 * (messages/schemas.ts). A second schema here would cost the page a twentieth of its budget.
 */
export const PAGE_RULES_KEY = 'pageRules';

export async function publishPageRules(settings: Pick<Policy, 'extraRules'>): Promise<void> {
  await browser.storage.local.set({ [PAGE_RULES_KEY]: settings.extraRules });
}

/** The built-in catalogue first; then the district's hosts. Never throws. */
export async function classifyPage(url: string): Promise<Classification | null> {
  const builtIn = classifyUrl(url);
  if (builtIn) return builtIn;
  try {
    const stored = await browser.storage.local.get(PAGE_RULES_KEY);
    const rules: unknown = stored[PAGE_RULES_KEY];
    return Array.isArray(rules) ? classifyUrl(url, rules) : null;
  } catch {
    return null;
  }
}
