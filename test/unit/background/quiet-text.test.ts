import { describe, expect, it } from 'vitest';
import { quietText } from '../../../background/quiet-text';

const plain = (text: string) => text.replaceAll('\u00a0', ' ');

describe('the quiet-time confirmation', () => {
  const at1440 = new Date(2026, 11, 2, 14, 40).getTime();

  it('says until when, in local time', () => {
    expect(plain(quietText('ru', 60, at1440))).toBe('Это личная переписка. Не напомню до 15:40.');
    expect(plain(quietText('en', 60, at1440))).toBe('A personal chat. No reminders until 15:40.');
  });

  it('says tomorrow when the quiet time ends after midnight, and nothing of time when there is none', () => {
    expect(plain(quietText('ru', 600, at1440))).toBe('Это личная переписка. Не напомню до завтра, 00:40.');
    expect(plain(quietText('ru', 0, at1440))).toBe('Это личная переписка: на этой странице больше не напомню.');
  });
});
