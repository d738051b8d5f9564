import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readTally } from '../../../background/count-store';
import { countUnscriptedVisit, handleFailedNavigation } from '../../../background/navigation-watch';
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
    await handleFailedNavigation(failed('https://web.whatsapp.com/'), settings({ mode: 'off' }));
    await handleFailedNavigation(failed('https://web.whatsapp.com/'), settings({ messengers: ['telegram'] }));
    await snoozeMessenger('whatsapp', 60);
    await handleFailedNavigation(failed('https://web.whatsapp.com/'), settings());
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

describe('a district-added host without host access', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts the visit the content script cannot see', async () => {
    vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    const extraRules = [{ messenger: 'whatsapp' as const, host: 'wa.example.org', surface: 'client' as const }];
    await countUnscriptedVisit({ tabId: 0, frameId: 0, url: 'https://wa.example.org/' }, settings({ extraRules }));
    await countUnscriptedVisit({ tabId: 0, frameId: 0, url: 'https://web.whatsapp.com/' }, settings({ extraRules }));
    expect(await readTally()).toEqual({ whatsapp: { opened: 1 } });
  });
});
