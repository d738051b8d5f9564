import { describe, expect, it } from 'vitest';
import { serviceStatusText, sinceDate } from '../../../components/guide/service-status';
import { MESSENGER_IDS } from '../../../protocol/messengers';

const words = (text: string) => text.replaceAll('\u00a0', ' ');

describe("the guide's line on each service", () => {
  it('says plainly where each of the nine stands, with a Russian date', () => {
    expect(words(serviceStatusText('ru', 'viber'))).toBe('Viber — заблокирован в России с 13 декабря 2024 года.');
    expect(words(serviceStatusText('ru', 'telegram'))).toBe('Telegram — работает с перебоями: его замедляют с января 2026 года.');
    expect(words(serviceStatusText('ru', 'skype'))).toBe('Skype — закрыт владельцем с 5 мая 2025 года: переписка там больше не идёт.');
    expect(words(serviceStatusText('ru', 'teams'))).toContain('в перечне Роскомнадзора с 1 марта 2023 года');
    expect(words(serviceStatusText('en', 'snapchat'))).toBe('Snapchat — blocked in Russia since October 2025.');
    for (const id of MESSENGER_IDS) expect(serviceStatusText('ru', id)).toMatch(/^\S.+\.$/u);
  });

  it('keeps the dash and the day with their words (non-breaking spaces)', () => {
    expect(serviceStatusText('ru', 'discord')).toContain('Discord\u00a0— заблокирован');
    expect(serviceStatusText('ru', 'discord')).toContain('8\u00a0октября');
  });

  it('writes a month without a day, and English dates', () => {
    expect(sinceDate('ru', '2025-10')).toBe('октября 2025 года');
    expect(sinceDate('en', '2024-10-08')).toBe('8 October 2024');
  });
});
