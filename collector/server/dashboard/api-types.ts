import type { z } from 'zod';
import type { EventName } from '../../../protocol/events';
import type * as schemas from './api-schemas';

/** Types of the dashboard API, inferred from api-schemas.ts (type-only: no zod in the UI bundle). */
export type EventCounts<T = number> = Record<EventName, T>;
export type SessionInfo = z.infer<typeof schemas.SessionInfo>;
export type Role = SessionInfo['role'];
export type WeeksResponse = z.infer<typeof schemas.WeeksResponse>;
export type ReportResponse = z.infer<typeof schemas.ReportResponse>;
export type TrendResponse = z.infer<typeof schemas.TrendResponse>;
export type ReportUnit = ReportResponse['units'][number];
export type Cell = ReportUnit['cells']['opened'];
export type ApiError = z.infer<typeof schemas.ApiError>;
