import type { z } from 'zod';
import type { EventName } from '../../../protocol/events';
import type * as schemas from './api-schemas';

/** Types of the dashboard API, inferred from api-schemas.ts (type-only: no zod in the UI bundle). */
export type EventCounts<T = number> = Record<EventName, T>;
export type SessionInfo = z.infer<typeof schemas.SessionInfo>;
export type Role = SessionInfo['role'];
export type WeeksResponse = z.infer<typeof schemas.WeeksResponse>;
export type Share = z.infer<typeof schemas.Share>;
export type OverviewResponse = z.infer<typeof schemas.OverviewResponse>;
export type TrendResponse = z.infer<typeof schemas.TrendResponse>;
export type UnitRow = z.infer<typeof schemas.UnitRow>;
export type UnitsResponse = z.infer<typeof schemas.UnitsResponse>;
export type UnitKind = UnitsResponse['unitKind'];
export type ApiError = z.infer<typeof schemas.ApiError>;
