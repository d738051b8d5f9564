import { describe, expect, it } from 'vitest';
import { resolveLocale, translate } from '../../../i18n';
import en from '../../../public/_locales/en/messages.json';
import ru from '../../../public/_locales/ru/messages.json';

describe('i18n', () => {
  it('follows the setting, and the browser language for auto (Russian unless English)', () => {
    expect(resolveLocale('en', 'ru')).toBe('en');
    expect(resolveLocale('ru', 'en-US')).toBe('ru');
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('auto', 'ru')).toBe('ru');
    expect(resolveLocale('auto', 'uk')).toBe('ru');
  });

  it('fills placeholders the way Chrome does', () => {
    expect(translate('ru', 'nudge_rule', ['Telegram'])).toMatch(/^Telegram\u00a0— иностранный мессенджер/);
    expect(translate('en', 'nudge_openAlternative', ['Sferum'])).toBe('Open Sferum');
  });

  it('has every Russian text in English too, and the same placeholders', () => {
    const ruKeys = Object.keys(ru).sort();
    expect(Object.keys(en).sort()).toEqual(ruKeys);
    for (const key of ruKeys) {
      const placeholders = (entry: unknown) => Object.keys((entry as { placeholders?: object }).placeholders ?? {}).sort();
      expect(placeholders((en as Record<string, unknown>)[key]), key).toEqual(placeholders((ru as Record<string, unknown>)[key]));
    }
  });
});
