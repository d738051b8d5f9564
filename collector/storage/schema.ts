import type { Generated } from 'kysely';
import type { AlternativeTarget } from '../../protocol/alternatives';
import type { EventName } from '../../protocol/events';
import type { MessengerId } from '../../protocol/messengers';

/**
 * The collector's tables, the same on SQLite and PostgreSQL (created in migrations.ts).
 * Days are 'YYYY-MM-DD' text, so string comparison orders them; nothing stores a time of day,
 * an IP, a user agent or a raw body.
 */
export interface RegionsTable {
  id: Generated<number>;
  name: string;
}

export interface DistrictsTable {
  id: Generated<number>;
  name: string;
  region_id: number | null;
}

export interface TokensTable {
  /** sha256 hex of the token; the token itself is never stored. */
  token_hash: string;
  district_id: number;
  created_day: string;
  /** 0 or 1. */
  revoked: number;
  /** Public: the hash's first 12 hex digits, to name a token without its secret. */
  token_id: string | null;
  /** A school token writes only this orgId; null: a district token (any orgId of its district). */
  org_id: string | null;
  /** The token's first characters ("pk_" and 8 more), which IT sees in a policy file. */
  prefix: string | null;
  /** Quotas; null: the default for the token's kind (collector/ingest/token-quota.ts). */
  rows_per_day: number | null;
  new_orgs_per_day: number | null;
}

export type UserRole = 'district' | 'region' | 'school';

export interface UsersTable {
  id: Generated<number>;
  login: string;
  password_hash: string;
  role: UserRole;
  district_id: number | null;
  region_id: number | null;
  /** A school user's school (with its district_id); null for the other roles. */
  org_id: string | null;
}

/** A district's directory of schools (migration 0006). */
export interface SchoolsTable {
  district_id: number;
  org_id: string;
  name: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  /** Epoch seconds. */
  expires_at: number;
}

export interface BatchesTable {
  batch_id: string;
  district_id: number;
}

/** Accepted batches not yet folded into counts and the rollups (batch-log-migration.ts). */
/** One stored group of batches, waiting for the fold (report-log-migration.ts). */
export interface ReportLogTable {
  seq: Generated<number>;
  /** How many batches `entries` holds. */
  batches: number;
  /** JSON: [{d: districtId, o: orgId, c: [{day, messenger, event, n}, …], v: [{day, target, n}, …]}, …]. */
  entries: string;
}

/** Browsers that logged in as a user: a lockout of strangers does not stop them. */
export interface LoginDevicesTable {
  id_hash: string;
  user_id: number;
  /** Epoch seconds. */
  expires_at: number;
}


export interface CountsTable {
  district_id: number;
  org_id: string;
  day: string;
  messenger: MessengerId;
  event: EventName;
  n: number;
}

/** What the per-cell plausibility bound refused, per cell: kept, never added to the counts. */
export type CountExcessTable = CountsTable;

/** Dashboard rollups, written by the batch store with the counts (rollups.ts). */
export interface DistrictDaysTable {
  district_id: number;
  day: string;
  messenger: MessengerId;
  event: EventName;
  n: number;
}

export interface SchoolWeeksTable {
  district_id: number;
  /** Monday of the ISO week, 'YYYY-MM-DD'. */
  week_start: string;
  org_id: string;
  messenger: MessengerId;
  event: EventName;
  n: number;
}

/** Alternative visits per school and day (migration 0005, visits-migration.ts). */
export interface VisitsTable {
  district_id: number;
  org_id: string;
  day: string;
  target: AlternativeTarget;
  n: number;
}

export interface DistrictVisitDaysTable {
  district_id: number;
  day: string;
  target: AlternativeTarget;
  n: number;
}

export interface SchoolVisitWeeksTable {
  district_id: number;
  /** Monday of the ISO week, 'YYYY-MM-DD'. */
  week_start: string;
  org_id: string;
  target: AlternativeTarget;
  n: number;
}

export interface Database {
  regions: RegionsTable;
  districts: DistrictsTable;
  tokens: TokensTable;
  users: UsersTable;
  schools: SchoolsTable;
  sessions: SessionsTable;
  batches: BatchesTable;
  report_log: ReportLogTable;
  counts: CountsTable;
  count_excess: CountExcessTable;
  login_devices: LoginDevicesTable;
  district_days: DistrictDaysTable;
  school_weeks: SchoolWeeksTable;
  visits: VisitsTable;
  district_visit_days: DistrictVisitDaysTable;
  school_visit_weeks: SchoolVisitWeeksTable;
}

export type Engine = 'sqlite' | 'postgres';
