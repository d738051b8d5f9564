import { z } from 'zod';
import { EVENT_NAMES } from '../../../protocol/events';
import { AlternativeTarget } from '../../../protocol/alternatives';
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

const Cell = z.union([z.number(), z.literal(SUPPRESSED), z.literal('×')]).describe('A number, "<5" (1–4) or "×" (hidden so that no "<5" can be worked out).');
const perMeasure = z.object(Object.fromEntries([...EVENT_NAMES, 'visits'].map((m) => [m, Cell])) as Record<(typeof EVENT_NAMES)[number] | 'visits', typeof Cell>);
const Change = z.object({ value: Cell, previous: Cell, change: z.number().nullable() });
const ShareChange = z.object({ count: z.number(), of: z.number(), ratio: z.number().nullable(), previousRatio: z.number().nullable() });
const MessengerCells = z.object({ messenger: MessengerId, cells: perEvent(Cell) });
const TargetCell = z.object({ target: AlternativeTarget, visits: Cell });

export const ReportResponse = z.object({
  week: IsoWeek,
  from: IsoDay.describe('Monday.'),
  to: IsoDay.describe('Sunday.'),
  inProgress: z.boolean().describe('The week has not ended: its figures are still growing.'),
  scopeName: z.string(),
  unitKind: z.enum(['school', 'district']),
  coverage: z
    .object({
      reporting: z.number(),
      listed: z.number(),
      silent: z.array(z.object({ code: z.string(), name: z.string(), lastDay: IsoDay.nullable() })),
      unlisted: z.number().describe('Codes that reported but are not in the directory.'),
      districts: z
        .array(z.object({ name: z.string(), reporting: z.number(), listed: z.number() }))
        .describe("A region's view: each district's coverage (its schools are not listed by name)."),
    })
    .nullable(),
  headline: z.object({
    opened: Change,
    visits: Change,
    usingAlternative: ShareChange.describe('Schools of the directory with at least one visit to Sferum/MAX.'),
    noForeignOpens: ShareChange.describe('Reporting schools with no foreign-messenger opens.'),
    nudgeToSferum: z.object({ ratio: z.number().nullable(), previousRatio: z.number().nullable() }),
  }),
  measures: z.array(z.enum([...EVENT_NAMES, 'visits'] as const)),
  units: z.array(z.object({ code: z.string(), name: z.string(), listed: z.boolean(), cells: perMeasure, messengers: z.array(MessengerCells), targets: z.array(TargetCell) })),
  totals: perMeasure,
  messengerTotals: z.array(MessengerCells),
  targetTotals: z.array(TargetCell),
  masked: z.boolean(),
  refused: z
    .array(z.object({ code: z.string(), name: z.string(), day: IsoDay, n: z.number() }))
    .describe('Counts refused as implausible (beyond the per-cell bound), summed per school (district for a region) and day.'),
});

export const TrendResponse = z.object({
  weeks: z.array(IsoWeek),
  series: z.object({ opened: z.array(Cell), visits: z.array(Cell), nudge_shown: z.array(Cell), alternative_opened: z.array(Cell) }).describe('Per measure: the week total, one per week.'),
  share: z.array(z.number().nullable()),
});

export const ApiError = z.object({ error: z.string().describe('What went wrong, in plain Russian.') });
