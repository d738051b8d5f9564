import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weekRange } from '../../../collector/server/dashboard/iso-week';
import type { Scope } from '../../../collector/server/dashboard/scope';
import { buildWeekReport } from '../../../collector/server/dashboard/week-report';
import { weekTrend } from '../../../collector/server/dashboard/week-trend';
import { ENGINES } from '../support/databases';
import { ingestFixture, validBatch, type IngestFixture } from '../support/ingest-app';

const WEEK = '2026-W48';
const opened = (orgId: string, n: number) => validBatch({ orgId, counts: [{ day: '2026-11-23', messenger: 'telegram', event: 'opened', n }] });

describe.each(ENGINES)('the trend on $name', ({ name, skip }) => {
  let f: IngestFixture;
  let district: Scope;
  beforeEach(async () => {
    if (skip) return;
    f = await ingestFixture(name);
    district = { role: 'district', name: 'Северный район', districts: [{ id: f.north.id, name: 'Северный район' }] };
  });
  afterEach(async () => {
    if (!skip) await f.drop();
  });

  const lastPoint = async () => {
    await f.ingest.settle();
    const trend = await weekTrend(f.database.db, district, WEEK, 4);
    const report = await buildWeekReport(f.database.db, district, weekRange(WEEK)!, '2026-11-30');
    return { trend: trend.series.opened.at(-1), report: report.totals.opened };
  };

  it.skipIf(skip)('follows every batch of a week it has shown, and publishes its total as the week report does', async () => {
    expect((await f.post(opened('school-0001', 1))).status).toBe(202);
    expect((await f.post(opened('school-0002', 5))).status).toBe(202);
    // 1 + 5 = 6: with the 5 at least 5, the total would give the «<5» of school-0001 away.
    expect(await lastPoint()).toEqual({ trend: '×', report: '×' });
    expect((await f.post(opened('school-0001', 2))).status).toBe(202);
    expect(await lastPoint()).toEqual({ trend: 8, report: 8 });
    expect((await f.post(opened('school-0003', 30))).status).toBe(202);
    expect(await lastPoint()).toEqual({ trend: 38, report: 38 });
  });
});
