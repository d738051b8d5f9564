import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readTally } from '../../../background/count-store';
import { handleRuntimeMessage } from '../../../background/message-handler';
import { isSnoozed } from '../../../background/snooze';
import { Decision } from '../../../messages';

const fromTab = { id: browser.runtime.id, tab: { id: 1, index: 0, highlighted: false, active: true, pinned: false, incognito: false } } as never;

function send(message: unknown, sender = fromTab) {
  return handleRuntimeMessage(message, sender);
}

describe('the background message handler', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts a visit as opened and answers with a valid banner decision', async () => {
    const answer = await send({ type: 'visit', messenger: 'telegram', surface: 'client' });
    const decision = Decision.parse(answer);
    expect(decision.presentation).toBe('banner');
    expect(decision.alternative.url).toBe('https://sferum.ru');
    expect(decision.texts.rule).toContain('Telegram');
    expect(await readTally()).toEqual({ telegram: { opened: 1 } });
  });

  it('counts each nudge event once, per messenger', async () => {
    await send({ type: 'nudge_event', messenger: 'whatsapp', event: 'nudge_shown' });
    await send({ type: 'nudge_event', messenger: 'whatsapp', event: 'dismissed' });
    await send({ type: 'nudge_event', messenger: 'discord', event: 'nudge_shown' });
    expect(await readTally()).toEqual({ whatsapp: { nudge_shown: 1, dismissed: 1 }, discord: { nudge_shown: 1 } });
  });

  it("opens the policy's alternative itself, next to the messenger's tab, and counts the step", async () => {
    await send({ type: 'open_alternative', messenger: 'whatsapp' });
    const tabs = await browser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain('https://sferum.ru');
    expect(await readTally()).toEqual({ whatsapp: { alternative_opened: 1 } });
  });

  it('snoozes the messenger after personal use or dismissal, so the next visit shows nothing', async () => {
    await send({ type: 'nudge_event', messenger: 'telegram', event: 'personal_use' });
    await send({ type: 'nudge_event', messenger: 'discord', event: 'dismissed' });
    expect(await isSnoozed('telegram')).toBe(true);
    expect(await isSnoozed('discord')).toBe(true);
    expect(await isSnoozed('whatsapp')).toBe(false);
    expect(Decision.parse(await send({ type: 'visit', messenger: 'telegram', surface: 'client' })).presentation).toBe('none');
    expect(await readTally()).toEqual({ telegram: { personal_use: 1, opened: 1 }, discord: { dismissed: 1 } });
  });

  it('opens the guide in a new tab', async () => {
    await send({ type: 'open_guide' });
    const tabs = await browser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(browser.runtime.getURL('/guide.html'));
  });

  it.each([
    ['an unknown messenger', { type: 'visit', messenger: 'icq', surface: 'client' }],
    ['an unknown surface', { type: 'visit', messenger: 'telegram', surface: 'web' }],
    ['an event the page may not send', { type: 'nudge_event', messenger: 'telegram', event: 'opened' }],
    ['the alternative counted without opening it', { type: 'nudge_event', messenger: 'telegram', event: 'alternative_opened' }],
    ['an address to open smuggled along', { type: 'open_alternative', messenger: 'telegram', url: 'https://evil.example' }],
    ['an extra key (a URL smuggled along)', { type: 'visit', messenger: 'telegram', surface: 'client', url: 'https://web.telegram.org/k/#@someone' }],
    ['an unknown type', { type: 'flush' }],
    ['garbage', 'hello'],
    ['nothing', undefined],
  ])('ignores %s without counting', async (_, message) => {
    expect(send(message)).toBeUndefined();
    expect(await readTally()).toEqual({});
  });

  it('ignores messages that do not come from a tab of this extension', async () => {
    const visit = { type: 'visit', messenger: 'telegram', surface: 'client' };
    expect(send(visit, { id: 'another-extension', tab: { id: 1 } } as never)).toBeUndefined();
    expect(send(visit, { id: browser.runtime.id } as never)).toBeUndefined();
    expect(await readTally()).toEqual({});
  });
});
