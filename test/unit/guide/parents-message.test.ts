import { describe, expect, it } from 'vitest';
import { chatLink, dayLabel, inAWeek, parentsMessage } from '../../../components/guide/parents-message';

const plain = (text: string | null) => text?.replaceAll('\u00a0', ' ') ?? null;

describe('the message for parents', () => {
  it('names the class, the day and the link, and says personal chats are not affected', () => {
    const text = plain(parentsMessage('ru', { className: ' 5  Б ', link: ' https://web.max.ru/join/abc ', date: '2026-12-09' }));
    expect(text).toContain('Чат класса 5 Б переезжает в Сферум: с 9 декабря');
    expect(text).toContain('откройте ссылку https://web.max.ru/join/abc —');
    expect(text).toContain('MAX или в VK Мессенджере');
    expect(text).toContain('Личные чаты это не затрагивает');
  });

  it('keeps «5 Б» and «9 декабря» on one line', () => {
    expect(parentsMessage('ru', { className: '5 Б', link: 'https://sferum.ru/?invite=1', date: '2026-12-09' })).toContain('5\u00a0Б');
  });

  it('waits for a class and an https link, and refuses anything else as a link', () => {
    expect(parentsMessage('ru', { className: '', link: 'https://sferum.ru/x', date: '' })).toBeNull();
    expect(parentsMessage('ru', { className: '5 Б', link: 'web.max.ru/join', date: '' })).toBeNull();
    expect(chatLink('http://web.max.ru/join')).toBeNull();
    expect(chatLink('javascript:alert(1)')).toBeNull();
    expect(chatLink('https://web.max.ru/a b')).toBeNull();
  });

  it('reads the date field as a calendar day, in either language', () => {
    expect(dayLabel('ru', '2026-01-01')).toBe('1 января');
    expect(dayLabel('en', '2026-01-01')).toBe('1 January');
    expect(dayLabel('ru', '')).toBeNull();
    expect(inAWeek(new Date(2026, 11, 28))).toBe('2027-01-04');
  });
});
