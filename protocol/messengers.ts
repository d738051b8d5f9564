import { z } from 'zod';

/** Roskomnadzor's list of foreign messengers (1 March 2023); ids are stable on the wire. */
export const MESSENGER_IDS = [
  'discord',
  'teams',
  'skype',
  'snapchat',
  'telegram',
  'threema',
  'viber',
  'whatsapp',
  'wechat',
] as const;

export const MessengerId = /* @__PURE__ */ z.enum(MESSENGER_IDS);
export type MessengerId = z.infer<typeof MessengerId>;

export const SURFACES = ['client', 'invite'] as const;
export const Surface = /* @__PURE__ */ z.enum(SURFACES);
export type Surface = z.infer<typeof Surface>;
