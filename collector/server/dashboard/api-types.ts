import type { EventName } from '../../../protocol/events';
import type { MessengerId } from '../../../protocol/messengers';
import type { Cell } from './k-anonymity';

/** JSON shapes of /api/v1/dashboard/*, shared by the server and the dashboard UI (type-only). */
export type EventCounts<T = number> = Record<EventName, T>;

export type Role = 'district' | 'region';

export interface SessionInfo {
  login: string;
  role: Role;
  /** The district's or the region's name. */
  scopeName: string;
  /** Sent back in the X-CSRF-Token header of every state-changing request. */
  csrfToken: string;
}

export interface WeeksResponse {
  /** Every ISO week from the first to the last with data, oldest first, e.g. "2026-W47". */
  weeks: string[];
  /** The week to show first: the last one that has ended, or the only one there is. */
  latest: string | null;
}

/** The move toward Sferum: alternative_opened / nudge_shown; null when no nudge was shown. */
export interface Share {
  nudgeShown: number;
  alternativeOpened: number;
  ratio: number | null;
}

export interface OverviewResponse {
  week: string;
  from: string;
  to: string;
  scopeName: string;
  messengers: { messenger: MessengerId; counts: EventCounts }[];
  totals: EventCounts;
  share: Share;
}

export interface TrendResponse {
  weeks: string[];
  /** Per messenger, per event: one number per week, aligned with `weeks`. */
  series: { messenger: MessengerId; counts: EventCounts<number[]> }[];
  share: (number | null)[];
}

/** A district user sees one row per school × messenger; a region user one row per district × messenger. */
export type UnitKind = 'school' | 'district';

export interface UnitRow {
  unit: string;
  messenger: MessengerId;
  cells: EventCounts<Cell>;
}

export interface UnitsResponse {
  week: string;
  unitKind: UnitKind;
  rows: UnitRow[];
}

export interface ApiError {
  error: string;
}
