import { describe, expect, it } from 'vitest';
import { classifyAlternative } from '../../../rules/alternatives';
import { classifyUrl } from '../../../rules';

describe('classifyAlternative', () => {
  it('knows Sferum with its subdomains, MAX, VK Messenger', () => {
    expect(classifyAlternative('https://sferum.ru/?p=messages')).toBe('sferum');
    expect(classifyAlternative('https://prof.sferum.ru/faq_sferum/kakie_chaty_perenosyatsya')).toBe('sferum');
    expect(classifyAlternative('https://WEB.SFERUM.RU./')).toBe('sferum');
    expect(classifyAlternative('https://max.ru/')).toBe('max');
    expect(classifyAlternative('https://web.max.ru/chat/123')).toBe('max');
    expect(classifyAlternative('https://web.vk.me/')).toBe('vk_messenger');
  });

  it('counts the policy alternative host as the district target, unless it is a built-in one', () => {
    expect(classifyAlternative('https://chat.edu-region.ru/class/5', 'https://chat.edu-region.ru/')).toBe('district');
    expect(classifyAlternative('https://sub.chat.edu-region.ru/', 'https://chat.edu-region.ru/')).toBeNull();
    expect(classifyAlternative('https://web.max.ru/', 'https://web.max.ru/')).toBe('max');
  });

  it('refuses lookalikes, other schemes and garbage', () => {
    for (const url of ['https://sferum.ru.example.com/', 'https://notsferum.ru/', 'https://xmax.ru/', 'https://vk.me/', 'https://vk.com/', 'https://oneme.ru/', 'ftp://sferum.ru/', 'not a url', '']) {
      expect(classifyAlternative(url, 'not a url'), url).toBeNull();
    }
  });

  it('is never a messenger', () => {
    for (const url of ['https://sferum.ru/', 'https://web.max.ru/', 'https://max.ru/', 'https://web.vk.me/', 'https://vk.com/', 'https://oneme.ru/']) expect(classifyUrl(url), url).toBeNull();
  });
});
