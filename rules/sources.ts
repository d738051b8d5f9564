import type { MessengerId } from '../protocol/messengers';

export interface CatalogueSource {
  /** Where the hosts of the catalogue entry were checked. */
  source: string;
  /** When, as YYYY-MM-DD. */
  checked: string;
}

/** The source note of every entry of CATALOGUE (catalogue.ts); one per messenger, by type. */
export const CATALOGUE_SOURCES: Record<MessengerId, CatalogueSource> = {
  discord: {
    source: 'discord.com web client (/app, /channels/…); invite links discord.gg/<code>, discord.com/invite/<code>',
    checked: '2026-11-23',
  },
  teams: {
    source: 'Microsoft 365 docs: Teams web is served at teams.microsoft.com, teams.live.com (personal) and teams.cloud.microsoft (2024 unified domain)',
    checked: '2026-11-23',
  },
  skype: {
    source: 'Skype for Web at web.skype.com; meeting and group links at join.skype.com/<code>',
    checked: '2026-11-23',
  },
  snapchat: {
    source: 'Snapchat for Web: web.snapchat.com, now also www.snapchat.com/web',
    checked: '2026-11-23',
  },
  telegram: {
    source: 'Telegram Web (web.telegram.org/k, /a); private chat invites t.me/+<hash> and t.me/joinchat/<hash>',
    checked: '2026-11-23',
  },
  threema: {
    source: 'Threema Web at web.threema.ch',
    checked: '2026-11-23',
  },
  viber: {
    source: 'Viber has no web client; group and community invites at invite.viber.com/?g2=…',
    checked: '2026-11-23',
  },
  whatsapp: {
    source: 'WhatsApp Web at web.whatsapp.com; group invites chat.whatsapp.com/<code>',
    checked: '2026-11-23',
  },
  wechat: {
    source: 'WeChat for Web at web.wechat.com (redirects to wx.qq.com / wx2.qq.com); group QR links weixin.qq.com/g/…',
    checked: '2026-11-23',
  },
};
