import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { blockNavigation } from '../../../../background/block/navigation';
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
});
