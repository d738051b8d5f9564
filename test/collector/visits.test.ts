import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../collector/storage/rollups';
import { visitsBySchool, visitTotalsInRange, weeklyVisitTotals } from '../../collector/server/dashboard/visit-queries';
import { ENGINES } from './support/databases';
import { ingestFixture, validBatch, type IngestFixture } from './support/ingest-app';

const v2 = (overrides: Record<string, unknown> = {}) => ({ ...validBatch({ v: 2, visits: [{ day: '2026-11-23', target: 'max', n: 5 }, { day: '2026-11-22', target: 'sferum', n: 2 }] }), ...overrides });
const WEEK = { from: '2026-11-23', to: '2026-11-29' };
const PREVIOUS_WEEK = { from: '2026-11-16', to: '2026-11-22' };

describe.each(ENGINES)('alternative visits (wire format v2) on $name', ({ name, skip }) => {
  let f: IngestFixture;
  beforeEach(async () => {
    if (!skip) f = await ingestFixture(name);
  });
  afterEach(async () => {
    if (!skip) await f.drop();
  });

  /** Once everything answered so far is folded. */
  const visitsOf = async (districtId: number) => {
    await f.ingest.settle();
    return Object.fromEntries(
      (await f.database.db.selectFrom('visits').selectAll().where('district_id', '=', districtId).execute()).map((row) => [`${row.org_id}|${row.day}|${row.target}`, Number(row.n)]),
    );
  };

  it.skipIf(skip)('stores counts and visits of a v2 batch once per batchId, per district × school × day × target', async () => {
    const batch = v2();
    expect((await f.post(batch)).status).toBe(202);
    expect((await f.post(batch)).status).toBe(200);
    expect((await f.post(v2({ orgId: 'school-0001', visits: [{ day: '2026-11-23', target: 'max', n: 1 }] }), { authorization: `Bearer ${f.south.token}` })).status).toBe(202);
    expect((await f.post(v2({ counts: [], visits: [{ day: '2026-11-23', target: 'max', n: 4 }, { day: '2026-11-23', target: 'district', n: 1 }] }))).status).toBe(202);
    expect(await visitsOf(f.north.id)).toEqual({ 'school-0547|2026-11-23|max': 9, 'school-0547|2026-11-22|sferum': 2, 'school-0547|2026-11-23|district': 1 });
    expect(await visitsOf(f.south.id)).toEqual({ 'school-0001|2026-11-23|max': 1 });
    expect(Object.values(await f.countsOf(f.north.id))).toEqual([3, 1]);
  });

  it.skipIf(skip)('keeps v1 working beside v2', async () => {
    expect((await f.post(validBatch())).status).toBe(202);
    expect((await f.post(v2())).status).toBe(202);
    expect(await f.countsOf(f.north.id)).toEqual({ 'school-0547|2026-11-22|telegram|opened': 6, 'school-0547|2026-11-23|whatsapp|nudge_shown': 2 });
  });

  it.skipIf(skip)('refuses, with a reason and storing nothing, what v2 does not allow', async () => {
    const refused = [
      ['visits', v2({ visits: [{ day: '2026-11-23', target: 'vk', n: 1 }] }), 'visits.0.target'],
      ['host in a row', v2({ visits: [{ day: '2026-11-23', target: 'max', n: 1, host: 'web.max.ru' }] }), 'visits.0'],
      ['empty', v2({ counts: [], visits: [] }), 'counts'],
      ['visits on v1', validBatch({ visits: [{ day: '2026-11-23', target: 'max', n: 1 }] }), ''],
      ['v2 without visits', validBatch({ v: 2 }), 'visits'],
      ['old day', v2({ visits: [{ day: '2026-09-01', target: 'max', n: 1 }] }), 'visits.0.day'],
      ['too many rows', v2({ visits: Array.from({ length: 999 }, () => ({ day: '2026-11-23', target: 'max', n: 1 })) }), 'visits'],
    ] as const;
    for (const [label, body, path] of refused) {
      const response = await f.post(body);
      expect(response.status, label).toBe(400);
      const answer = (await response.json()) as { error: string; issues: { path: string }[] };
      expect(answer.error, label).toMatch(/wire format v1 or v2/);
      expect(answer.issues.map((issue) => issue.path), label).toContain(path);
    }
    expect(await visitsOf(f.north.id)).toEqual({});
    expect(await f.countsOf(f.north.id)).toEqual({});
  });

  it.skipIf(skip)('keeps the rollups the dashboard reads, in step with the stored visits and after a rebuild', async () => {
    await f.post(v2());
    await f.post(v2({ orgId: 'school-0600', counts: [], visits: [{ day: '2026-11-24', target: 'vk_messenger', n: 3 }, { day: '2026-11-24', target: 'max', n: 1 }] }));
    await f.post(v2({ counts: [], visits: [{ day: '2026-11-23', target: 'max', n: 1 }] }), { authorization: `Bearer ${f.south.token}` });
    await f.ingest.settle();
    const read = async () => ({
      week: await visitTotalsInRange(f.database.db, [f.north.id], WEEK),
      trend: await weeklyVisitTotals(f.database.db, { ids: [f.north.id, f.south.id] }, [PREVIOUS_WEEK, WEEK]),
      schools: await visitsBySchool(f.database.db, [f.north.id], WEEK),
    });
    const sort = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();
    const before = await read();
    expect(sort(before.week)).toEqual(sort([{ target: 'max', n: 6 }, { target: 'vk_messenger', n: 3 }]));
    expect(sort(before.trend)).toEqual(sort([{ week: 0, target: 'sferum', n: 2 }, { week: 1, target: 'max', n: 7 }, { week: 1, target: 'vk_messenger', n: 3 }]));
    expect(sort(before.schools)).toEqual(
      sort([
        { districtId: f.north.id, orgId: 'school-0547', target: 'max', n: 5 },
        { districtId: f.north.id, orgId: 'school-0600', target: 'vk_messenger', n: 3 },
        { districtId: f.north.id, orgId: 'school-0600', target: 'max', n: 1 },
      ]),
    );
    await rebuildRollups(f.database.db);
    const after = await read();
    expect(sort(after.week)).toEqual(sort(before.week));
    expect(sort(after.trend)).toEqual(sort(before.trend));
    expect(sort(after.schools)).toEqual(sort(before.schools));
  });

  it.skipIf(skip)('reads nothing for an empty scope', async () => {
    await f.post(v2());
    expect(await visitTotalsInRange(f.database.db, [], WEEK)).toEqual([]);
    expect(await visitsBySchool(f.database.db, [], WEEK)).toEqual([]);
    expect(await weeklyVisitTotals(f.database.db, { ids: [] }, [WEEK])).toEqual([]);
  });
});
