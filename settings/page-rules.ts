import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { MESSENGER_IDS, SURFACES } from '../protocol/messengers';
import type { Policy } from '../protocol/policy';
import { classifyUrl, type Classification } from '../rules';

/**
 * The district's extraRules, as the content script needs them on a district-added host: the
 * background publishes them to storage.local, the page reads them (zod/mini keeps the page small).
 */
export const PAGE_RULES_KEY = 'pageRules';

const PageRules = z.array(
  z.object({
    messenger: z.enum(MESSENGER_IDS),
    host: z.string(),
    pathPrefix: z.optional(z.string()),
    surface: z.enum(SURFACES),
  }),
);

export async function publishPageRules(settings: Pick<Policy, 'extraRules'>): Promise<void> {
  await browser.storage.local.set({ [PAGE_RULES_KEY]: settings.extraRules });
}

/** The built-in catalogue first; then the district's hosts. Never throws. */
export async function classifyPage(url: string): Promise<Classification | null> {
  const builtIn = classifyUrl(url);
  if (builtIn) return builtIn;
  try {
    const stored = await browser.storage.local.get(PAGE_RULES_KEY);
    const rules = PageRules.safeParse(stored[PAGE_RULES_KEY]);
    return rules.success ? classifyUrl(url, rules.data) : null;
  } catch {
    return null;
  }
}
