import { ALTERNATIVE_TARGETS } from '../../protocol/alternatives';
import { EVENT_NAMES } from '../../protocol/events';
import { MESSENGER_IDS } from '../../protocol/messengers';
import { dayWindow, EXT_VERSION_PATTERN, MAX_COUNT, MAX_COUNT_ROWS, ORG_ID_PATTERN, ReportBatch } from '../../protocol/report';

export interface Issue {
  path: string;
  message: string;
}

export type Validation = { ok: true; batch: ReportBatch } | { ok: false; reason: string; issues: Issue[] };

const MAX_ISSUES_SHOWN = 20;

/**
 * Validates a parsed body against the shared zod ReportBatch and the day window. A well-formed
 * batch takes a lean hand-written path that accepts only what zod accepts too (it is stricter,
 * never looser: the fuzz test checks that); anything else goes through zod for its issues.
 */
export function validateReport(value: unknown, today: Date): Validation {
  const { window, days } = windowOf(today);
  if (isPlainValidBatch(value, days)) return { ok: true, batch: value };
  const parsed = ReportBatch.safeParse(value);
  const issues: Issue[] = parsed.success
    ? outsideWindow(parsed.data, window)
    : parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  if (parsed.success && issues.length === 0) return { ok: true, batch: parsed.data };
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return {
    ok: false,
    reason: `The report does not match wire format v1 or v2: ${first.path || 'body'}: ${first.message}${more}`,
    issues: issues.slice(0, MAX_ISSUES_SHOWN),
  };
}

function outsideWindow(batch: ReportBatch, { earliest, latest }: { earliest: string; latest: string }): Issue[] {
  const rows: [string, readonly { day: string }[]][] = [['counts', batch.counts], ['visits', batch.v === 2 ? batch.visits : []]];
  return rows.flatMap(([field, list]) =>
    list.flatMap((row, index) =>
      row.day < earliest || row.day > latest
        ? [{ path: `${field}.${index}.day`, message: `day must be between ${earliest} and ${latest} (the last 60 days, not in the future)` }]
        : [],
    ),
  );
}

const BATCH_KEYS = { 1: 5, 2: 6 } as const;
const ROW_KEYS = 4;
const VISIT_KEYS = 3;
const UUID_V4 = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const messengers = new Set<unknown>(MESSENGER_IDS);
const events = new Set<unknown>(EVENT_NAMES);
const targets = new Set<unknown>(ALTERNATIVE_TARGETS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

let cachedWindow: { today: number; window: { earliest: string; latest: string }; days: Set<unknown> } | undefined;
const DAY_MS = 86_400_000;

/** The day window and every calendar day in it, computed once a (UTC) day. */
function windowOf(today: Date) {
  const key = Math.floor(today.getTime() / DAY_MS);
  if (cachedWindow?.today !== key) {
    const window = dayWindow(today);
    const days = new Set<unknown>();
    for (let day = new Date(`${window.earliest}T00:00:00Z`); day.toISOString().slice(0, 10) <= window.latest; day.setUTCDate(day.getUTCDate() + 1)) {
      days.add(day.toISOString().slice(0, 10));
    }
    cachedWindow = { today: key, window, days };
  }
  return cachedWindow;
}

function isPlainValidBatch(value: unknown, days: Set<unknown>): value is ReportBatch {
  if (!isPlainObject(value) || (value.v !== 1 && value.v !== 2) || Object.keys(value).length !== BATCH_KEYS[value.v]) return false;
  const { v, batchId, orgId, extVersion, counts } = value;
  const visits = v === 2 ? value.visits : [];
  if (typeof batchId !== 'string' || !UUID_V4.test(batchId)) return false;
  if (typeof orgId !== 'string' || (orgId !== '' && !ORG_ID_PATTERN.test(orgId))) return false;
  if (typeof extVersion !== 'string' || !EXT_VERSION_PATTERN.test(extVersion)) return false;
  if (!Array.isArray(counts) || !Array.isArray(visits)) return false;
  const rows = counts.length + visits.length;
  if ((v === 1 && counts.length < 1) || rows < 1 || rows > MAX_COUNT_ROWS) return false;
  for (const row of counts) {
    if (!isPlainObject(row) || Object.keys(row).length !== ROW_KEYS) return false;
    const { day, messenger, event, n } = row;
    if (!messengers.has(messenger) || !events.has(event) || !isCount(n) || !days.has(day)) return false;
  }
  for (const row of visits) {
    if (!isPlainObject(row) || Object.keys(row).length !== VISIT_KEYS) return false;
    const { day, target, n } = row;
    if (!targets.has(target) || !isCount(n) || !days.has(day)) return false;
  }
  return true;
}

function isCount(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_COUNT;
}
