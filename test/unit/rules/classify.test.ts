import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATALOGUE_SOURCES, catalogueOrigins, classifyUrl, contentScriptMatches } from '../../../rules';

describe('classifyUrl on the catalogue', () => {
  it.each([
    ['https://web.telegram.org/k/', 'telegram', 'client'],
    ['https://web.telegram.org/a/#-100123', 'telegram', 'client'],
    ['https://t.me/+AbCdEf123', 'telegram', 'invite'],
    ['https://t.me/joinchat/AbCdEf', 'telegram', 'invite'],
    ['https://web.whatsapp.com/', 'whatsapp', 'client'],
    ['https://chat.whatsapp.com/Fz3kQ9', 'whatsapp', 'invite'],
    ['https://discord.com/channels/@me', 'discord', 'client'],
    ['https://discord.com/app', 'discord', 'client'],
    ['https://discord.com/invite/abc', 'discord', 'invite'],
    ['https://discord.gg/abc', 'discord', 'invite'],
    ['https://teams.microsoft.com/v2/', 'teams', 'client'],
    ['https://teams.live.com/', 'teams', 'client'],
    ['https://teams.cloud.microsoft/', 'teams', 'client'],
    ['https://web.skype.com/', 'skype', 'client'],
    ['https://join.skype.com/AbCd', 'skype', 'invite'],
    ['https://web.snapchat.com/', 'snapchat', 'client'],
    ['https://www.snapchat.com/web', 'snapchat', 'client'],
    ['https://web.threema.ch/', 'threema', 'client'],
    ['https://invite.viber.com/?g2=AQBx', 'viber', 'invite'],
    ['https://web.wechat.com/', 'wechat', 'client'],
    ['https://wx.qq.com/', 'wechat', 'client'],
  ])('%s is %s (%s)', (url, messenger, surface) => {
    expect(classifyUrl(url)).toEqual({ messenger, surface });
  });

  it('knows all nine messengers of the list, each with at least one surface', () => {
    expect(CATALOGUE.map((entry) => entry.id).sort()).toEqual(['discord', 'skype', 'snapchat', 'teams', 'telegram', 'threema', 'viber', 'wechat', 'whatsapp']);
    for (const entry of CATALOGUE) expect(entry.rules.length).toBeGreaterThan(0);
  });

  it('has a source note and the day it was checked for every entry', () => {
    for (const entry of CATALOGUE) {
      expect(CATALOGUE_SOURCES[entry.id].source.length, entry.id).toBeGreaterThan(10);
      expect(CATALOGUE_SOURCES[entry.id].checked, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('classifyUrl normalises the host', () => {
  it('ignores upper case, a trailing dot, a port, http and userinfo', () => {
    expect(classifyUrl('HTTPS://WEB.TELEGRAM.ORG/K/')).toEqual({ messenger: 'telegram', surface: 'client' });
    expect(classifyUrl('https://web.telegram.org./k/')).toEqual({ messenger: 'telegram', surface: 'client' });
    expect(classifyUrl('https://web.telegram.org:8443/k/')).toEqual({ messenger: 'telegram', surface: 'client' });
    expect(classifyUrl('http://web.whatsapp.com/')).toEqual({ messenger: 'whatsapp', surface: 'client' });
    expect(classifyUrl('https://user:pass@web.whatsapp.com/')).toEqual({ messenger: 'whatsapp', surface: 'client' });
  });

  it('matches the host, not a user name that looks like one', () => {
    expect(classifyUrl('https://web.telegram.org@evil.example/')).toBeNull();
    expect(classifyUrl('https://evil.example/?next=https://web.telegram.org/')).toBeNull();
    expect(classifyUrl('https://evil.example/web.telegram.org')).toBeNull();
    expect(classifyUrl('https://evil.example/#https://web.whatsapp.com')).toBeNull();
  });
});

describe('classifyUrl leaves everything else alone', () => {
  it.each([
    'https://sferum.ru/',
    'https://web.max.ru/',
    'https://max.ru/',
    'https://vk.com/im',
    'https://web.vk.me/',
    'https://messenger.vk.com/',
    'https://example.org/',
    'https://www.google.com/search?q=web.telegram.org',
    'https://ya.ru/',
  ])('%s is not a listed messenger', (url) => {
    expect(classifyUrl(url)).toBeNull();
  });

  it.each([
    'https://web.telegram.org.example.com/',
    'https://notdiscord.com/channels/1',
    'https://discord.com.evil.example/channels/1',
    'https://evilweb.whatsapp.com.example/',
    'https://web-telegram.org/',
    'https://telegram.org/',
    'https://xn--eb-4ka.telegram.org/', // punycode look-alike of a subdomain
    'https://web.xn--telegram-3xf.org/', // punycode homograph of telegram
    'https://xn--discrd-zdb.com/channels/1', // "discоrd" with a Cyrillic о
    'https://web.whatsаpp.com/', // Cyrillic а, punycoded by the URL parser
    'https://sub.web.telegram.org/', // subdomains are not included
  ])('look-alike %s is null', (url) => {
    expect(classifyUrl(url)).toBeNull();
  });

  it('does not mistake the public parts of a messenger site for a chat', () => {
    expect(classifyUrl('https://discord.com/')).toBeNull();
    expect(classifyUrl('https://discord.com/download')).toBeNull();
    expect(classifyUrl('https://t.me/durov')).toBeNull();
    expect(classifyUrl('https://www.snapchat.com/')).toBeNull();
  });

  it.each(['', ' ', 'garbage', 'web.telegram.org', '//web.telegram.org/', 'ftp://web.telegram.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://', 'https://[::1', 'x'.repeat(10_000)])(
    'garbage %j is null and never throws',
    (url) => {
      expect(classifyUrl(url)).toBeNull();
    },
  );

  it('is total for values that are not strings at all', () => {
    for (const value of [undefined, null, 42, {}, []]) expect(classifyUrl(value as unknown as string)).toBeNull();
  });
});

describe('content-script matches', () => {
  it('are derived from the catalogue: one pattern per host and path prefix, no wildcards in hosts', () => {
    const matches = contentScriptMatches();
    expect(matches).toContain('*://web.telegram.org/*');
    expect(matches).toContain('*://t.me/+*');
    expect(matches).toContain('*://invite.viber.com/*');
    for (const pattern of matches) expect(pattern).toMatch(/^\*:\/\/[a-z0-9.-]+\/\S*$/);
    expect(new Set(matches).size).toBe(matches.length);
  });
});

describe('web-accessible origins', () => {
  it('are the catalogue hosts, one origin pattern each (Chromium takes no other path than /*)', () => {
    const origins = catalogueOrigins();
    expect(origins).toContain('*://web.whatsapp.com/*');
    expect(origins).toContain('*://discord.com/*');
    for (const pattern of origins) expect(pattern).toMatch(/^\*:\/\/[a-z0-9.-]+\/\*$/);
    expect(new Set(origins.map((o) => o.slice(4, -2)))).toEqual(new Set(CATALOGUE.flatMap((entry) => entry.rules.map((rule) => rule.host))));
  });
});

describe('path prefixes end at a segment boundary', () => {
  it('a prefix inside a segment covers that segment only', () => {
    expect(classifyUrl('https://discord.com/app')).toEqual({ messenger: 'discord', surface: 'client' });
    expect(classifyUrl('https://discord.com/app/x')).toEqual({ messenger: 'discord', surface: 'client' });
    expect(classifyUrl('https://discord.com/application-directory')).toBeNull();
    expect(classifyUrl('https://discord.com/channelsfoo')).toBeNull();
    expect(classifyUrl('https://www.snapchat.com/webinar')).toBeNull();
  });

  it('the matches carry the same boundary', () => {
    const matches = contentScriptMatches();
    expect(matches).toEqual(expect.arrayContaining(['*://discord.com/app', '*://discord.com/app/*', '*://discord.com/app?*']));
    expect(matches).not.toContain('*://discord.com/app*');
  });
});
