import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readTally } from '../../../background/count-store';
import { countNavigationStart, countPageVisit } from '../../../background/attempts';
import { handleFailedNavigation } from '../../../background/navigation-watch';
import { snoozeMessenger } from '../../../background/snooze';
import { DEFAULT_POLICY, type Policy } from '../../../protocol/policy';

const settings = (overrides: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, ...overrides });
const failed = (url: string, extra: Partial<{ frameId: number; error: string }> = {}) => ({ tabId: 0, frameId: 0, url, error: 'net::ERR_CONNECTION_TIMED_OUT', ...extra });
const tabUrl = async () => (await browser.tabs.get(0)).url;

describe('a navigation to a messenger that fails', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('counts opened and shows the guide in the tab', async () => {
    await handleFailedNavigation(failed('https://web.telegram.org/k/'), settings());
    expect(await readTally()).toEqual({ telegram: { opened: 1 } });
    expect(await tabUrl()).toBe('chrome-extension://test-extension-id/guide.html?messenger=telegram&reason=unreachable');
  });

  it('only counts in off mode, for a messenger not acted on, and during a snooze', async () => {
    await handleFailedNavigation({ ...failed('https://web.whatsapp.com/'), tabId: 1 }, settings({ mode: 'off' }));
    await handleFailedNavigation({ ...failed('https://web.whatsapp.com/'), tabId: 2 }, settings({ messengers: ['telegram'] }));
    await snoozeMessenger('whatsapp', 60);
    await handleFailedNavigation({ ...failed('https://web.whatsapp.com/'), tabId: 3 }, settings());
    expect(await readTally()).toEqual({ whatsapp: { opened: 3 } });
    expect(await tabUrl()).toBeUndefined();
  });

  it('ignores a stopped navigation, a frame, and other sites; knows the district hosts', async () => {
    await handleFailedNavigation(failed('https://web.telegram.org/', { error: 'net::ERR_ABORTED' }), settings());
    await handleFailedNavigation(failed('https://web.telegram.org/', { frameId: 3 }), settings());
    await handleFailedNavigation(failed('https://example.org/'), settings());
    expect(await readTally()).toEqual({});
    await handleFailedNavigation(failed('https://tg.example.org/'), settings({ extraRules: [{ messenger: 'telegram', host: 'tg.example.org', surface: 'client' }] }));
    expect(await readTally()).toEqual({ telegram: { opened: 1 } });
  });
});

describe('an aborted navigation to a messenger', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });
  const frameShows = (url: string) => vi.spyOn(browser.webNavigation, 'getFrame').mockResolvedValue({ url, errorOccurred: true, parentFrameId: -1 } as never);

  it('is a failure when the tab then shows the error page for the messenger (Chromium at start-up)', async () => {
    frameShows('https://web.whatsapp.com/');
    await handleFailedNavigation(failed('https://web.whatsapp.com/', { error: 'net::ERR_ABORTED' }), settings());
    expect(await readTally()).toEqual({ whatsapp: { opened: 1 } });
    expect(await tabUrl()).toBe('chrome-extension://test-extension-id/guide.html?messenger=whatsapp&reason=unreachable');
  });

  it('is not looked at again on a site outside the catalogue', async () => {
    const getFrame = frameShows('https://example.org/');
    await handleFailedNavigation(failed('https://example.org/', { error: 'net::ERR_ABORTED' }), settings());
    expect(getFrame).not.toHaveBeenCalled();
    expect(await tabUrl()).toBeUndefined();
  });

  it('is the teacher stopping it when the tab stays on the page it was on', async () => {
    frameShows('https://example.org/news');
    await handleFailedNavigation(failed('https://web.whatsapp.com/', { error: 'net::ERR_ABORTED' }), settings());
    expect(await readTally()).toEqual({});
    expect(await tabUrl()).toBeUndefined();
  });
});

describe('an attempt counts once', () => {
  beforeEach(() => fakeBrowser.reset());
  const start = (url: string, policy: Policy = settings(), tabId = 0) => countNavigationStart({ tabId, frameId: 0, url }, Promise.resolve(policy));

  it('counts at the start, and neither the loaded page nor the error counts it again', async () => {
    await start('https://web.telegram.org/k/');
    await countPageVisit('telegram', 0);
    expect(await readTally()).toEqual({ telegram: { opened: 1 } });
    await start('https://web.whatsapp.com/', settings(), 1);
    await handleFailedNavigation({ ...failed('https://web.whatsapp.com/'), tabId: 1 }, settings({ mode: 'off' }));
    expect(await readTally()).toEqual({ telegram: { opened: 1 }, whatsapp: { opened: 1 } });
  });

  it('counts a route the page changes to afterwards, and a page reached from an unlisted host', async () => {
    await start('https://discord.com/app');
    await countPageVisit('discord', 0);
    await countPageVisit('discord', 0);
    await start('https://short.example.org/abc', settings(), 2);
    await countPageVisit('telegram', 2);
    await start('https://short.example.org/abc', settings(), 3);
    await handleFailedNavigation({ ...failed('https://chat.whatsapp.com/AbC'), tabId: 3 }, settings({ mode: 'off' }));
    expect(await readTally()).toEqual({ discord: { opened: 2 }, telegram: { opened: 1 }, whatsapp: { opened: 1 } });
  });

  it('counts a district-added host and a blocked attempt, never a frame or an unlisted site', async () => {
    const extraRules = [{ messenger: 'whatsapp' as const, host: 'wa.example.org', surface: 'client' as const }];
    await start('https://wa.example.org/', settings({ extraRules }));
    await countNavigationStart({ tabId: 0, frameId: 4, url: 'https://web.telegram.org/' }, Promise.resolve(settings()));
    await start('https://example.org/');
    await start('https://web.telegram.org/', settings({ mode: 'block' }));
    expect(await readTally()).toEqual({ whatsapp: { opened: 1 }, telegram: { opened: 1 } });
  });
});
