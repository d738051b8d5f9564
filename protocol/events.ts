import { z } from 'zod';

/** What is counted (DESIGN §4). The order is the order of the dashboard's columns. */
export const EVENT_NAMES = [
  'opened',
  'nudge_shown',
  'alternative_opened',
  'personal_use',
  'dismissed',
  'proceeded',
  'blocked',
] as const;

export const EventName = z.enum(EVENT_NAMES);
export type EventName = z.infer<typeof EventName>;
