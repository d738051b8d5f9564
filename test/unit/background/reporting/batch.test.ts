import { describe, expect, it } from 'vitest';
import type { PendingCounts } from '../../../../background/count-store';
import { buildBatch } from '../../../../background/reporting/batch';
import { MAX_BATCH_BYTES, ReportBatch } from '../../../../protocol/report';
import { EVENT_NAMES } from '../../../../protocol/events';
import { MESSENGER_IDS } from '../../../../protocol/messengers';

const meta = { batchId: '3f6c1a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6', orgId: 'school-0547', extVersion: '1.0.0' };

function dayBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

describe('buildBatch', () => {
  it('puts pending counts into one valid wire batch and keeps nothing back', () => {
    const built = buildBatch({ '2026-11-23|telegram|opened': 3, '2026-11-22|whatsapp|dismissed': 1 }, meta, '2026-11-23');
    const batch = ReportBatch.parse(JSON.parse(built.body!));
    expect(batch.counts).toEqual([
      { day: '2026-11-22', messenger: 'whatsapp', event: 'dismissed', n: 1 },
      { day: '2026-11-23', messenger: 'telegram', event: 'opened', n: 3 },
    ]);
    expect(batch).toMatchObject({ v: 1, ...meta });
    expect(built.keep).toEqual({});
  });

  it('builds nothing when nothing is pending', () => {
    expect(buildBatch({}, meta, '2026-11-23')).toEqual({ body: null, rows: 0, keep: {}, keepVisits: {}, discarded: 0 });
  });

  it('leaves rows beyond 1,000 for the next batch, none lost', () => {
    const pending: PendingCounts = {};
    for (let day = 0; day < 20; day += 1) for (const messenger of MESSENGER_IDS) for (const event of EVENT_NAMES) pending[`${dayBefore('2026-11-23', day)}|${messenger}|${event}`] = 1;
    expect(Object.keys(pending)).toHaveLength(1260);
    const first = buildBatch(pending, meta, '2026-11-23');
    const rows = ReportBatch.parse(JSON.parse(first.body!)).counts;
    expect(rows.length).toBeLessThanOrEqual(1000);
    expect(new TextEncoder().encode(first.body!).length).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    expect(rows.length + Object.keys(first.keep).length).toBe(1260);
    const second = buildBatch(first.keep, { ...meta, batchId: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' }, '2026-11-23');
    expect(ReportBatch.parse(JSON.parse(second.body!)).counts.length + rows.length).toBe(1260);
  });

  it('sends at most 100,000 in a row and keeps the remainder pending', () => {
    const built = buildBatch({ '2026-11-23|telegram|opened': 100_007 }, meta, '2026-11-23');
    expect(JSON.parse(built.body!).counts[0].n).toBe(100_000);
    expect(built.keep).toEqual({ '2026-11-23|telegram|opened': 7 });
  });

  it('leaves out days the collector would reject as too old, and says how many', () => {
    const built = buildBatch({ [`${dayBefore('2026-11-23', 61)}|skype|opened`]: 2, '2026-11-23|skype|opened': 1 }, meta, '2026-11-23');
    expect(JSON.parse(built.body!).counts).toEqual([{ day: '2026-11-23', messenger: 'skype', event: 'opened', n: 1 }]);
    expect(built.discarded).toBe(1);
    expect(built.keep).toEqual({});
  });

  it('keeps a day ahead of the clock pending instead of sending it', () => {
    const built = buildBatch({ '2026-11-30|skype|opened': 2 }, meta, '2026-11-23');
    expect(built.body).toBeNull();
    expect(built.keep).toEqual({ '2026-11-30|skype|opened': 2 });
  });
});
