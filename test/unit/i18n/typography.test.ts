import { describe, expect, it } from 'vitest';
import { countOf, NBSP, plural, range, typeset } from '../../../i18n/typography';

const shown = (text: string) => text.replaceAll(NBSP, '~');

describe('typeset', () => {
  it('keeps short Russian words, numbers and «№» with the next word', () => {
    expect(shown(typeset('ru', 'Чат 5 Б переезжает в Сферум'))).toBe('Чат 5~Б переезжает в~Сферум');
    expect(shown(typeset('ru', 'запись № 10192 в реестре'))).toBe('запись №~10192 в~реестре');
    expect(shown(typeset('ru', 'с 1 марта 2023 года'))).toBe('с~1~марта 2023~года');
    expect(shown(typeset('ru', 'и в школе, и дома'))).toBe('и~в~школе, и~дома');
  });

  it('keeps a dash and a trailing particle with the word before them', () => {
    expect(shown(typeset('ru', 'Telegram — иностранный мессенджер'))).toBe('Telegram~— иностранный мессенджер');
    expect(shown(typeset('ru', 'Можно ли так'))).toBe('Можно~ли так');
  });

  it('leaves long words, URLs and ISO dates alone and is idempotent', () => {
    const text = 'Откройте https://sferum.ru/join?a=1 b сегодня 2026-12-02';
    expect(shown(typeset('ru', text))).toBe('Откройте https://sferum.ru/join?a=1 b~сегодня 2026-12-02');
    const once = typeset('ru', 'Школьные чаты в Сферуме — с 1 сентября');
    expect(typeset('ru', once)).toBe(once);
  });

  it('binds English articles and numbers, not Russian prepositions rules', () => {
    expect(shown(typeset('en', 'Open a chat in 5 minutes'))).toBe('Open a~chat in~5~minutes');
  });
});

describe('plural', () => {
  const schools = { one: 'школа', few: 'школы', many: 'школ' };

  it('chooses the Russian form by Intl.PluralRules', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 0].map((n) => plural('ru', n, schools))).toEqual([
      'школа', 'школы', 'школ', 'школ', 'школа', 'школы', 'школ', 'школ',
    ]);
    expect(plural('ru', 1.5, schools)).toBe('школы');
  });

  it('chooses the English form', () => {
    expect(plural('en', 1, { one: 'school', other: 'schools' })).toBe('school');
    expect(plural('en', 3, { one: 'school', other: 'schools' })).toBe('schools');
  });

  it('writes the number with its noun, unbreakable, grouped the Russian way', () => {
    expect(shown(countOf('ru', 1234, schools))).toMatch(/^1[\s~]234~школы$/u);
  });
});

describe('range', () => {
  it('joins plain ends with an en dash and spaces it when the ends have spaces', () => {
    expect(range(60, 10080)).toBe('60–10080');
    expect(shown(range('30 ноября', '6 декабря'))).toBe('30 ноября~– 6 декабря');
    expect(range(16, '22 ноября')).toBe('16–22 ноября');
  });
});
