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
  /** Where the hosts were checked, and when. */
  source: string;
  checked: string;
}

const client = (host: string, pathPrefix?: string): SurfaceRule => ({ host, pathPrefix, surface: 'client' });
const invite = (host: string, pathPrefix?: string): SurfaceRule => ({ host, pathPrefix, surface: 'invite' });

/** The nine messengers of the Roskomnadzor list of 1 March 2023. Sferum, VK and MAX are never here. */
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
    source: 'discord.com web client (/app, /channels/…); invite links discord.gg/<code>, discord.com/invite/<code>',
    checked: '2026-11-23',
  },
  {
    id: 'teams',
    name: 'Microsoft Teams',
    rules: [client('teams.microsoft.com'), client('teams.live.com'), client('teams.cloud.microsoft')],
    source: 'Microsoft 365 docs: Teams web is served at teams.microsoft.com, teams.live.com (personal) and teams.cloud.microsoft (2024 unified domain)',
    checked: '2026-11-23',
  },
  {
    id: 'skype',
    name: 'Skype',
    rules: [client('web.skype.com'), invite('join.skype.com')],
    source: 'Skype for Web at web.skype.com; meeting and group links at join.skype.com/<code>',
    checked: '2026-11-23',
  },
  {
    id: 'snapchat',
    name: 'Snapchat',
    rules: [client('web.snapchat.com'), client('www.snapchat.com', '/web')],
    source: 'Snapchat for Web: web.snapchat.com, now also www.snapchat.com/web',
    checked: '2026-11-23',
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
    source: 'Telegram Web (web.telegram.org/k, /a); private chat invites t.me/+<hash> and t.me/joinchat/<hash>',
    checked: '2026-11-23',
  },
  {
    id: 'threema',
    name: 'Threema',
    rules: [client('web.threema.ch')],
    source: 'Threema Web at web.threema.ch',
    checked: '2026-11-23',
  },
  {
    id: 'viber',
    name: 'Viber',
    rules: [invite('invite.viber.com')],
    source: 'Viber has no web client; group and community invites at invite.viber.com/?g2=…',
    checked: '2026-11-23',
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp',
    rules: [client('web.whatsapp.com'), invite('chat.whatsapp.com')],
    source: 'WhatsApp Web at web.whatsapp.com; group invites chat.whatsapp.com/<code>',
    checked: '2026-11-23',
  },
  {
    id: 'wechat',
    name: 'WeChat',
    rules: [client('web.wechat.com'), client('wx.qq.com'), client('wx2.qq.com'), invite('weixin.qq.com', '/g/')],
    source: 'WeChat for Web at web.wechat.com (redirects to wx.qq.com / wx2.qq.com); group QR links weixin.qq.com/g/…',
    checked: '2026-11-23',
  },
];
