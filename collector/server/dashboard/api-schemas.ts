import { z } from 'zod';
import { EVENT_NAMES } from '../../../protocol/events';
import { MessengerId } from '../../../protocol/messengers';
import { SUPPRESSED } from './k-anonymity';

/**
 * JSON shapes of /api/v1/dashboard/*: the server's answers, the UI's types (api-types.ts infers
 * them, type-only, so the UI bundle carries no zod) and the OpenAPI document (openapi.ts).
 */
const perEvent = <T extends z.ZodType>(value: T) => z.object(Object.fromEntries(EVENT_NAMES.map((event) => [event, value])) as Record<(typeof EVENT_NAMES)[number], T>);

const IsoWeek = z.string().describe('An ISO week, e.g. "2026-W47".');
const IsoDay = z.string().describe('A day, "YYYY-MM-DD".');

export const SessionInfo = z.object({
  login: z.string(),
  role: z.enum(['district', 'region', 'school']),
  scopeName: z.string().describe("The district's, the region's or the school's name."),
  csrfToken: z.string().describe('Sent back in the X-CSRF-Token header of every state-changing request.'),
});

export const WeeksResponse = z.object({
  weeks: z.array(IsoWeek).describe('Every ISO week from the first to the last with data, oldest first.'),
  latest: IsoWeek.nullable().describe('The week to show first: the last one that has ended, or the only one there is.'),
});

export const Share = z
  .object({ nudgeShown: z.number(), alternativeOpened: z.number(), ratio: z.number().nullable() })
  .describe('The move toward Sferum: alternative_opened / nudge_shown; ratio null when no nudge was shown.');

export const OverviewResponse = z.object({
  week: IsoWeek,
  from: IsoDay.describe('Monday.'),
  to: IsoDay.describe('Sunday.'),
  scopeName: z.string(),
  messengers: z.array(z.object({ messenger: MessengerId, counts: perEvent(z.number()) })),
  totals: perEvent(z.number()),
  share: Share,
});

export const TrendResponse = z.object({
  weeks: z.array(IsoWeek),
  series: z.array(z.object({ messenger: MessengerId, counts: perEvent(z.array(z.number())) })).describe('Per messenger and event: one number per week, aligned with weeks.'),
  share: z.array(z.number().nullable()),
});

export const UnitRow = z.object({
  unit: z.string().describe('A school (orgId) for a district user; a district for a region user.'),
  messenger: MessengerId,
  cells: perEvent(z.union([z.number(), z.literal(SUPPRESSED)])).describe('A school cell below 5 in the week is "<5", never a number.'),
});

export const UnitsResponse = z.object({
  week: IsoWeek,
  unitKind: z.enum(['school', 'district']),
  rows: z.array(UnitRow),
});

export const ApiError = z.object({ error: z.string().describe('What went wrong, in plain Russian.') });
