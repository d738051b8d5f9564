import type { MessengerId, Surface } from '../protocol/messengers';

export interface SurfaceRule {
  /** Exact, lower-case host name; subdomains are not included. */
  host: string;
  /** Path prefix that must match from the start of the path; omitted means every path. */
  pathPrefix?: string;
  surface: Surface;
}

export interface MessengerEntry {
  id: MessengerId;
  name: string;
  rules: SurfaceRule[];
}

const client = (host: string, pathPrefix?: string): SurfaceRule => ({ host, pathPrefix, surface: 'client' });
const invite = (host: string, pathPrefix?: string): SurfaceRule => ({ host, pathPrefix, surface: 'invite' });

/**
 * The nine messengers of the Roskomnadzor list of 1 March 2023, as their web surfaces stand in
 * 2026: user-facing web clients and join/invite links only, never CDN or API hosts (the client
 * loads those itself; counting them would count one visit many times). Sferum, VK, MAX and
 * oneme.ru are never here.
 * Where each entry's hosts were checked, and when: sources.ts (kept apart, as the content script
 * on every messenger page needs only the hosts).
 */
export const CATALOGUE: readonly MessengerEntry[] = [
  {
    id: 'discord',
    name: 'Discord',
    rules: [
      client('discord.com', '/channels'),
      client('discord.com', '/app'),
      client('ptb.discord.com', '/channels'),
      client('canary.discord.com', '/channels'),
      invite('discord.gg'),
      invite('discord.com', '/invite/'),
      invite('discordapp.com', '/invite/'),
      client('discordapp.com', '/channels'),
    ],
  },
  {
    id: 'teams',
    name: 'Microsoft Teams',
    rules: [
      client('teams.microsoft.com'),
      client('teams.live.com'),
      client('teams.cloud.microsoft'),
      invite('teams.microsoft.com', '/l/meetup-join/'),
      invite('teams.microsoft.com', '/meet/'),
      invite('teams.cloud.microsoft', '/l/meetup-join/'),
      invite('teams.cloud.microsoft', '/meet/'),
      invite('teams.live.com', '/meet/'),
      invite('teams.live.com', '/l/meetup-join/'),
    ],
  },
  {
    id: 'skype',
    name: 'Skype',
    rules: [client('web.skype.com'), invite('join.skype.com')],
  },
  {
    id: 'snapchat',
    name: 'Snapchat',
    rules: [client('web.snapchat.com'), client('www.snapchat.com', '/web'), invite('www.snapchat.com', '/add/'), invite('snapchat.com', '/add/')],
  },
  {
    id: 'telegram',
    name: 'Telegram',
    rules: [
      client('web.telegram.org'),
      client('weba.telegram.org'),
      client('webk.telegram.org'),
      client('webz.telegram.org'),
      invite('t.me', '/+'),
      invite('t.me', '/joinchat/'),
      invite('t.me', '/addlist/'),
      invite('telegram.me', '/+'),
      invite('telegram.me', '/joinchat/'),
      invite('telegram.me', '/addlist/'),
      invite('telegram.dog', '/+'),
      invite('telegram.dog', '/joinchat/'),
    ],
  },
  {
    id: 'threema',
    name: 'Threema',
    rules: [client('web.threema.ch'), invite('threema.id')],
  },
  {
    id: 'viber',
    name: 'Viber',
    rules: [invite('invite.viber.com')],
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp',
    rules: [client('web.whatsapp.com'), invite('chat.whatsapp.com'), invite('wa.me'), invite('api.whatsapp.com', '/send')],
  },
  {
    id: 'wechat',
    name: 'WeChat',
    rules: [
      client('web.wechat.com'),
      client('wx.qq.com'),
      client('wx2.qq.com'),
      client('wx8.qq.com'),
      client('filehelper.weixin.qq.com'),
      client('szfilehelper.weixin.qq.com'),
      invite('weixin.qq.com', '/g/'),
    ],
  },
];
