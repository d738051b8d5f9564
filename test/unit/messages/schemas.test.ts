import { describe, expect, it } from 'vitest';
import { ContentMessage, Decision } from '../../../messages';
import { MESSENGER_IDS } from '../../../protocol/messengers';

const texts = { label: 'L', rule: 'R', openAlternative: 'O', howToMove: 'H', personalUse: 'P', parentsMessage: 'M', collapse: 'F', reopen: 'R2', close: 'C' };
const decision = {
  presentation: 'banner',
  alternative: { name: 'Сферум', url: 'https://sferum.ru', instructionsUrl: 'https://prof.sferum.ru/faq_sferum/kakie_chaty_perenosyatsya' },
  locale: 'ru',
  texts,
};

describe('content → background messages', () => {
  it('accept a visit and every event a page may report, for all nine messengers', () => {
    for (const messenger of MESSENGER_IDS) {
      expect(ContentMessage.safeParse({ type: 'visit', messenger, surface: 'invite' }).success).toBe(true);
      for (const event of ['nudge_shown', 'personal_use', 'dismissed', 'proceeded'])
        expect(ContentMessage.safeParse({ type: 'nudge_event', messenger, event }).success).toBe(true);
      expect(ContentMessage.safeParse({ type: 'open_alternative', messenger }).success).toBe(true);
    }
    expect(ContentMessage.safeParse({ type: 'open_guide' }).success).toBe(true);
  });

  it.each([
    { type: 'visit', messenger: 'telegram' },
    { type: 'visit', messenger: 'TELEGRAM', surface: 'client' },
    { type: 'visit', messenger: 'vk', surface: 'client' },
    { type: 'visit', messenger: 'telegram', surface: 'client', title: 'Класс 5Б' },
    { type: 'nudge_event', messenger: 'telegram', event: 'opened' },
    { type: 'nudge_event', messenger: 'telegram', event: 'blocked' },
    { type: 'open_guide', url: 'https://evil.example' },
    { type: 'nudge_event', messenger: 'telegram', event: 'alternative_opened' },
    { type: 'open_alternative', messenger: 'telegram', url: 'https://evil.example' },
    { type: 'nudge_event', messenger: 'telegram', event: 'dismissed', n: 1000 },
    null,
    [],
    'visit',
  ])('reject %j', (message) => {
    expect(ContentMessage.safeParse(message).success).toBe(false);
  });
});

describe('background → content decision', () => {
  it('accepts a complete decision, with or without a district message', () => {
    expect(Decision.safeParse(decision).success).toBe(true);
    expect(Decision.safeParse({ ...decision, message: 'Наш район пишет в Сферуме' }).success).toBe(true);
    expect(Decision.safeParse({ ...decision, presentation: 'interstitial', locale: 'en' }).success).toBe(true);
  });

  it.each([
    ['an unknown presentation', { ...decision, presentation: 'popup' }],
    ['a non-https alternative', { ...decision, alternative: { ...decision.alternative, url: 'javascript:alert(1)' } }],
    ['an http alternative', { ...decision, alternative: { ...decision.alternative, url: 'http://sferum.ru' } }],
    ['a missing text', { ...decision, texts: { ...texts, close: undefined } }],
    ['an empty text', { ...decision, texts: { ...texts, rule: '' } }],
    ['an unknown locale', { ...decision, locale: 'de' }],
    ['an extra key', { ...decision, html: '<b>x</b>' }],
  ])('rejects %s', (_, value) => {
    expect(Decision.safeParse(value).success).toBe(false);
  });
});
