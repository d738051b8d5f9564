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
 * The nine messengers of the Roskomnadzor list of 1 March 2023. Sferum, VK and MAX are never here.
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
    ],
  },
  {
    id: 'teams',
    name: 'Microsoft Teams',
    rules: [client('teams.microsoft.com'), client('teams.live.com'), client('teams.cloud.microsoft')],
  },
  {
    id: 'skype',
    name: 'Skype',
    rules: [client('web.skype.com'), invite('join.skype.com')],
  },
  {
    id: 'snapchat',
    name: 'Snapchat',
    rules: [client('web.snapchat.com'), client('www.snapchat.com', '/web')],
  },
  {
    id: 'telegram',
    name: 'Telegram',
    rules: [
      client('web.telegram.org'),
      invite('t.me', '/+'),
      invite('t.me', '/joinchat/'),
      invite('telegram.me', '/+'),
      invite('telegram.me', '/joinchat/'),
    ],
  },
  {
    id: 'threema',
    name: 'Threema',
    rules: [client('web.threema.ch')],
  },
  {
    id: 'viber',
    name: 'Viber',
    rules: [invite('invite.viber.com')],
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp',
    rules: [client('web.whatsapp.com'), invite('chat.whatsapp.com')],
  },
  {
    id: 'wechat',
    name: 'WeChat',
    rules: [client('web.wechat.com'), client('wx.qq.com'), client('wx2.qq.com'), invite('weixin.qq.com', '/g/')],
  },
];
