import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decidePresentation } from '../../../background/decide-presentation';
import { snoozeMessenger } from '../../../background/snooze';
import { DEFAULT_POLICY, SFERUM } from '../../../protocol/policy';

const visit = { type: 'visit', messenger: 'telegram', surface: 'client' } as const;

describe('decidePresentation with the default policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the banner pointing to Sferum', async () => {
    const decision = await decidePresentation(visit, { ...DEFAULT_POLICY, locale: 'ru' });
    expect(decision).toEqual({ presentation: 'banner', alternative: SFERUM, locale: 'ru' });
  });

  it('shows nothing while the messenger is snoozed, and the banner again afterwards', async () => {
    const now = Date.UTC(2026, 10, 23, 9, 0);
    await snoozeMessenger('telegram', 60, now);
    expect((await decidePresentation(visit, DEFAULT_POLICY, now + 60_000)).presentation).toBe('none');
    expect((await decidePresentation({ ...visit, messenger: 'whatsapp' }, DEFAULT_POLICY, now + 60_000)).presentation).toBe('banner');
    expect((await decidePresentation(visit, DEFAULT_POLICY, now + 61 * 60_000)).presentation).toBe('banner');
  });

  it('names the built-in Sferum in English as "Sferum", and a district alternative as given', async () => {
    expect((await decidePresentation(visit, { ...DEFAULT_POLICY, locale: 'en' })).alternative.name).toBe('Sferum');
    const own = { name: 'Школьный портал', url: 'https://portal.example.ru', instructionsUrl: 'https://portal.example.ru/help' };
    expect((await decidePresentation(visit, { ...DEFAULT_POLICY, locale: 'en', alternative: own })).alternative).toEqual(own);
  });

  it('carries the district message in the decided language', async () => {
    const policy = { ...DEFAULT_POLICY, locale: 'en' as const, message: { ru: 'Пишите в Сферум', en: 'Write in Sferum' } };
    expect(await decidePresentation(visit, policy)).toMatchObject({ locale: 'en', message: 'Write in Sferum' });
  });
});
