import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EXTRA_SCRIPT_ID, extraRuleOrigins, syncExtraContentScripts } from '../../../background/extra-content-scripts';
import { ContentMessage } from '../../../messages';
import { DEFAULT_POLICY } from '../../../protocol/policy';
import { classifyPage, publishPageRules } from '../../../settings/page-rules';

const extraRules = [
  { messenger: 'telegram' as const, host: 'tg.example.org', pathPrefix: '/web', surface: 'client' as const },
  { messenger: 'whatsapp' as const, host: 'wa.example.org', surface: 'client' as const },
];

describe('district hosts get the nudge script once access is granted', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers the script for granted hosts of active messengers only', async () => {
    vi.spyOn(browser.permissions, 'contains').mockImplementation((async ({ origins }: { origins: string[] }) => origins[0] !== '*://wa.example.org/*') as never);
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockResolvedValue([{ id: EXTRA_SCRIPT_ID }] as never);
    const unregister = vi.spyOn(browser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined);
    const register = vi.spyOn(browser.scripting, 'registerContentScripts').mockResolvedValue(undefined);

    await syncExtraContentScripts({ ...DEFAULT_POLICY, extraRules });
    expect(unregister).toHaveBeenCalledWith({ ids: [EXTRA_SCRIPT_ID] });
    expect(register).toHaveBeenCalledWith([expect.objectContaining({ id: EXTRA_SCRIPT_ID, js: ['content-scripts/messenger.js'], matches: ['*://tg.example.org/web*'] })]);

    register.mockClear();
    await syncExtraContentScripts({ ...DEFAULT_POLICY, messengers: ['whatsapp'], extraRules });
    expect(register).not.toHaveBeenCalled();
  });

  it('asks for one origin per host', () => {
    expect(extraRuleOrigins([...extraRules, { ...extraRules[0]!, pathPrefix: '/other' }])).toEqual(['*://tg.example.org/*', '*://wa.example.org/*']);
  });
});

describe('classifyPage (content script)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('knows the catalogue, and the district hosts the background published', async () => {
    expect(await classifyPage('https://web.telegram.org/k/')).toEqual({ messenger: 'telegram', surface: 'client' });
    expect(await classifyPage('https://tg.example.org/web/1')).toBeNull();
    await publishPageRules({ extraRules });
    expect(await classifyPage('https://tg.example.org/web/1')).toEqual({ messenger: 'telegram', surface: 'client' });
    expect(await classifyPage('https://tg.example.org/')).toBeNull();
  });

  it('never throws for whatever else the storage might hold, and the background refuses what it then finds', async () => {
    for (const stored of ['tg.example.org', { host: 'tg.example.org' }, [null], [42, { host: 'tg.example.org' }]]) {
      await browser.storage.local.set({ pageRules: stored });
      const found = await classifyPage('https://tg.example.org/web/1');
      expect(found === null || !ContentMessage.safeParse({ type: 'visit', ...found }).success).toBe(true);
      expect(await classifyPage('https://web.telegram.org/k/')).toEqual({ messenger: 'telegram', surface: 'client' });
    }
  });
});
