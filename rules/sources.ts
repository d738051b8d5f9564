import type { MessengerId } from '../protocol/messengers';

/** A service's standing in Russia: what the guide tells the teacher, plainly. */
export type ServiceStatus =
  | { kind: 'blocked'; since: string }
  | { kind: 'throttled'; since: string }
  | { kind: 'retired'; since: string }
  | { kind: 'listed'; since: string };

export interface CatalogueSource {
  /** Where the hosts of the catalogue entry were checked. */
  source: string;
  /** When, as YYYY-MM-DD. */
  checked: string;
  /** Blocked, throttled or retired since (YYYY-MM-DD or YYYY-MM); `listed` = on the RKN list only. */
  status: ServiceStatus;
}

const CHECKED = '2026-12-02';
const V2FLY = "v2fly domain-list-community data/<name> (user-facing hosts only; CDN, API and media hosts left out)";

/** The source note of every entry of CATALOGUE (catalogue.ts); one per messenger, by type. */
export const CATALOGUE_SOURCES: Record<MessengerId, CatalogueSource> = {
  discord: {
    source: `discord.com web client (/app, /channels/…, also on ptb., canary. and the old discordapp.com); invite links discord.gg/<code>, discord.com/invite/<code>, discordapp.com/invite/<code>; ${V2FLY.replace('<name>', 'discord')}. Blocked by Roskomnadzor on 8 Oct 2024`,
    checked: CHECKED,
    status: { kind: 'blocked', since: '2024-10-08' },
  },
  teams: {
    source: 'Microsoft 365 docs: Teams web at teams.microsoft.com, teams.live.com (personal) and teams.cloud.microsoft (the unified domain Teams moved to); meeting links /l/meetup-join/… and /meet/<id> on each of them',
    checked: CHECKED,
    status: { kind: 'listed', since: '2023-03-01' },
  },
  skype: {
    source: 'Microsoft: Skype retired on 5 May 2025; web.skype.com and join.skype.com/<code> now redirect to Teams (teams.live.com), an attempt still counts once as Skype',
    checked: CHECKED,
    status: { kind: 'retired', since: '2025-05-05' },
  },
  snapchat: {
    source: 'Snapchat for Web: web.snapchat.com and www.snapchat.com/web; add links www.snapchat.com/add/<name> (and snapchat.com/add/…). Blocked in Russia since October 2025',
    checked: CHECKED,
    status: { kind: 'blocked', since: '2025-10' },
  },
  telegram: {
    source: `Telegram Web at web.telegram.org (/k, /a) and its redirects weba., webk., webz.telegram.org; private chat invites t.me/+<hash>, t.me/joinchat/<hash>, folder invites t.me/addlist/<slug>, the same on telegram.me and telegram.dog; ${V2FLY.replace('<name>', 'telegram')}. Throttled in Russia since January 2026`,
    checked: CHECKED,
    status: { kind: 'throttled', since: '2026-01' },
  },
  threema: {
    source: 'Threema Web at web.threema.ch; contact links threema.id/<ID>',
    checked: CHECKED,
    status: { kind: 'listed', since: '2023-03-01' },
  },
  viber: {
    source: 'Viber has no web client; group and community invites at invite.viber.com/?g2=…. Blocked by Roskomnadzor on 13 Dec 2024',
    checked: CHECKED,
    status: { kind: 'blocked', since: '2024-12-13' },
  },
  whatsapp: {
    source: `WhatsApp Web at web.whatsapp.com; group invites chat.whatsapp.com/<code>; click-to-chat wa.me/<number> and api.whatsapp.com/send?phone=…; ${V2FLY.replace('<name>', 'whatsapp')}. Blocked step by step since 28 Nov 2025, out of the national DNS since February 2026`,
    checked: CHECKED,
    status: { kind: 'blocked', since: '2025-11-28' },
  },
  wechat: {
    source: 'WeChat for Web at web.wechat.com (redirects to wx.qq.com / wx2.qq.com / wx8.qq.com); File Transfer at filehelper.weixin.qq.com and szfilehelper.weixin.qq.com; group QR links weixin.qq.com/g/…',
    checked: CHECKED,
    status: { kind: 'listed', since: '2023-03-01' },
  },
};
