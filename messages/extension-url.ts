import { browser } from 'wxt/browser';

/**
 * This extension's origin as the calling extension page or worker has it ("chrome-extension://id").
 * Not runtime.getURL(path): for the guide (web-accessible with use_dynamic_url) Chromium answers
 * with its per-session address, which tabs.create cannot open. (Unit tests have no `location`.)
 */
export const extensionOrigin = (): string => globalThis.location?.origin ?? browser.runtime.getURL('/').replace(/\/$/, '');

/** An absolute address of a path ('/guide.html…') inside this extension. */
export const extensionUrl = (path: string): string => `${extensionOrigin()}${path}`;
