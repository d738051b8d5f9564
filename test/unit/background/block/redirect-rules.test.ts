import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { blockRedirectRules, syncBlockRules } from '../../../../background/block/redirect-rules';
import { DEFAULT_POLICY, type Policy } from '../../../../protocol/policy';

const block = (overrides: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, mode: 'block', ...overrides });

/** Which messenger's guide a top-level navigation to `url` is redirected to, if any. */
function redirectFor(rules: ReturnType<typeof blockRedirectRules>, url: string): string | null {
  const rule = rules.find((candidate) => new RegExp(candidate.condition.regexFilter!).test(url));
  return rule ? new URLSearchParams(rule.action.redirect!.extensionPath!.split('?')[1]).get('messenger') : null;
}

describe('blockRedirectRules', () => {
  it('makes no rules outside block mode', () => {
    for (const mode of ['off', 'inform', 'confirm'] as const) expect(blockRedirectRules({ ...DEFAULT_POLICY, mode })).toEqual([]);
  });

  it('redirects the catalogued pages to the guide, main frame only', () => {
    const rules = blockRedirectRules(block());
    expect(redirectFor(rules, 'https://web.telegram.org/k/')).toBe('telegram');
    expect(redirectFor(rules, 'https://t.me/+AbCdEf')).toBe('telegram');
    expect(redirectFor(rules, 'http://chat.whatsapp.com/abc')).toBe('whatsapp');
    expect(redirectFor(rules, 'https://discord.com/channels/1/2')).toBe('discord');
    expect(rules.every((rule) => rule.condition.resourceTypes?.join() === 'main_frame')).toBe(true);
    expect(rules[0]?.action.redirect?.extensionPath).toMatch(/^\/guide\.html\?messenger=\w+&reason=blocked$/);
  });

  it('leaves alone what classifyUrl leaves alone: channels, lookalikes, Sferum', () => {
    const rules = blockRedirectRules(block());
    for (const url of ['https://t.me/durov', 'https://web.telegram.org.example.com/', 'https://notdiscord.com/channels', 'https://sferum.ru/', 'https://web.max.ru/']) {
      expect(redirectFor(rules, url)).toBeNull();
    }
  });

  it('follows messengers and extraRules', () => {
    const rules = blockRedirectRules(block({ messengers: ['whatsapp'], extraRules: [{ messenger: 'whatsapp', host: 'wa.example.org', surface: 'client' }] }));
    expect(redirectFor(rules, 'https://web.telegram.org/k/')).toBeNull();
    expect(redirectFor(rules, 'https://web.whatsapp.com/')).toBe('whatsapp');
    expect(redirectFor(rules, 'https://wa.example.org/chat')).toBe('whatsapp');
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });
});

describe('syncBlockRules', () => {
  beforeEach(() => fakeBrowser.reset());

  it('replaces only its own dynamic rules', async () => {
    vi.spyOn(browser.declarativeNetRequest, 'getDynamicRules').mockResolvedValue([{ id: 7 }, { id: 1000 }, { id: 1003 }] as never);
    const update = vi.spyOn(browser.declarativeNetRequest, 'updateDynamicRules').mockResolvedValue(undefined);
    await syncBlockRules({ ...DEFAULT_POLICY, mode: 'inform' });
    expect(update).toHaveBeenCalledWith({ removeRuleIds: [1000, 1003], addRules: [] });
  });
});
