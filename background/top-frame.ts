import { browser } from 'wxt/browser';

/** What the webNavigation events tell about a navigation, as far as the background uses it. */
export interface TopFrameNavigation {
  tabId: number;
  frameId: number;
  url: string;
  error?: string;
  documentLifecycle?: string;
}

/** The tab's own page, not a frame inside it nor a page prerendered in the background. */
export const isTopFrame = (details: TopFrameNavigation) => details.frameId === 0 && details.documentLifecycle !== 'prerender';

/** Whether this extension may access the URL's host (built-in hosts always; district-added ones once granted). */
export async function hostAccess(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`*://${new URL(url).hostname}/*`] });
  } catch {
    return false;
  }
}
