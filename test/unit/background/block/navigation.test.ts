import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { blockNavigation, reopenRefusedGuide } from '../../../../background/block/navigation';
import { blockOpenTabs } from '../../../../background/block/open-tabs';
import { readTally } from '../../../../background/count-store';
import { DEFAULT_POLICY, type Policy } from '../../../../protocol/policy';

const settings = (overrides: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, ...overrides });
const tabUrl = async () => (await browser.tabs.get(0)).url;

describe('a navigation that block mode stops', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts blocked; where the network rule cannot redirect (no host access) it sends the tab to the guide itself', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockResolvedValue(true as never);
    await blockNavigation({ tabId: 0, frameId: 0, url: 'https://t.me/+abc' }, settings({ mode: 'block' }));
    await blockNavigation({ tabId: 0, frameId: 0, url: 'https://t.me/+abc' }, settings({ mode: 'confirm' }));
    await blockNavigation({ tabId: 0, frameId: 0, url: 'https://t.me/durov' }, settings({ mode: 'block' }));
    expect(await readTally()).toEqual({ telegram: { blocked: 1 } });
    expect(await tabUrl()).toBeUndefined();
    contains.mockResolvedValue(false as never);
    const extraRules = [{ messenger: 'telegram' as const, host: 'tg.example.org', surface: 'client' as const }];
    await blockNavigation({ tabId: 0, frameId: 0, url: 'https://tg.example.org/' }, settings({ mode: 'block', extraRules }));
    expect(await readTally()).toEqual({ telegram: { blocked: 2 } });
    expect(await tabUrl()).toBe('chrome-extension://test-extension-id/guide.html?messenger=telegram&reason=blocked');
  });

  it('opens the guide itself when Chromium refused the redirect to it (a link on a site outside the catalogue), without counting again', async () => {
    const refused = 'chrome-extension://test-extension-id/guide.html?messenger=whatsapp&reason=blocked';
    await reopenRefusedGuide({ tabId: 0, frameId: 0, url: refused, error: 'net::ERR_ABORTED' });
    await reopenRefusedGuide({ tabId: 0, frameId: 1, url: refused, error: 'net::ERR_BLOCKED_BY_CLIENT' });
    await reopenRefusedGuide({ tabId: 0, frameId: 0, url: 'chrome-extension://another-extension/guide.html?messenger=whatsapp&reason=blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' });
    expect(await tabUrl()).toBeUndefined();
    await reopenRefusedGuide({ tabId: 0, frameId: 0, url: refused, error: 'net::ERR_BLOCKED_BY_CLIENT' });
    expect(await tabUrl()).toBe(refused);
    expect(await readTally()).toEqual({});
  });
});

describe('block mode arriving while messenger pages are open', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends each open tab of an active messenger to the guide, counted blocked, and leaves the others', async () => {
    const whatsapp = await browser.tabs.create({ url: 'https://web.whatsapp.com/' });
    const discord = await browser.tabs.create({ url: 'https://discord.com/channels/1/2' });
    const school = await browser.tabs.create({ url: 'https://school.example/' });
    await blockOpenTabs(settings({ mode: 'inform' }));
    expect((await browser.tabs.get(whatsapp.id!)).url).toBe('https://web.whatsapp.com/');
    await blockOpenTabs(settings({ mode: 'block', messengers: ['whatsapp', 'telegram'] }));
    expect((await browser.tabs.get(whatsapp.id!)).url).toBe('chrome-extension://test-extension-id/guide.html?messenger=whatsapp&reason=blocked');
    expect((await browser.tabs.get(discord.id!)).url).toBe('https://discord.com/channels/1/2');
    expect((await browser.tabs.get(school.id!)).url).toBe('https://school.example/');
    expect(await readTally()).toEqual({ whatsapp: { blocked: 1 } });
  });
});
