import { randomUUID } from 'node:crypto';

const MESSENGERS = ['telegram', 'whatsapp', 'discord', 'teams', 'viber'];
const EVENTS = ['opened', 'nudge_shown', 'dismissed'];

/** The batches of ../shared/bench/report-batches.lua: 10 rows, days 1–3 days ago (UTC), 500 schools. */
export function reportBatch(index: number, orgId = `school-${index % 500}`): string {
  const days = [1, 2, 3].map((ago) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10));
  const counts = Array.from({ length: 10 }, (_, i) => ({ day: days[(i + 1) % 3], messenger: MESSENGERS[(i + 1) % 5], event: EVENTS[(i + 1) % 3], n: i + 1 }));
  return JSON.stringify({ v: 1, batchId: randomUUID(), orgId, extVersion: '1.0.0', counts });
}

export const REPORT_HEADERS = { 'content-type': 'application/json', authorization: 'Bearer tok' };
