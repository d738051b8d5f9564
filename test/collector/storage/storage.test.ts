import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../collector/storage/open-database';
import { addDistrict, addRegion, findDistrict } from '../../../collector/storage/districts';
import { COUNT_CEILING, type AcceptedBatch } from '../../../collector/storage/batch-sql';
import { storeBatches } from '../../../collector/storage/store-batches';
import { createToken, districtForTokenHash, hashToken, revokeToken } from '../../../collector/storage/tokens';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';

const batch = (districtId: number, batchId: string, counts: AcceptedBatch['counts'], orgId = 'school-1'): AcceptedBatch => ({ districtId, batchId, orgId, counts });
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

describe.each(ENGINES)('storage on $name', ({ name, skip }) => {
  let database: TestDatabase;
  beforeEach(async () => {
    if (!skip) database = await freshDatabase(name);
  });
  afterEach(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip)('migrates an empty database and opening it again changes nothing', async () => {
    const districtId = await addDistrict(database.db, 'Центральный район');
    const again = await openDatabase(database.target);
    const districts = await again.db.selectFrom('districts').selectAll().execute();
    await again.close();
    expect(districts).toEqual([{ id: districtId, name: 'Центральный район', region_id: null }]);
  });

  it.skipIf(skip)('keeps district names unique and finds a district by name or number', async () => {
    const regionId = await addRegion(database.db, 'Область');
    const id = await addDistrict(database.db, 'Северный', regionId);
    await expect(addDistrict(database.db, 'Северный')).rejects.toThrow();
    expect(await findDistrict(database.db, 'Северный')).toEqual({ id, name: 'Северный' });
    expect(await findDistrict(database.db, String(id))).toEqual({ id, name: 'Северный' });
    expect(await findDistrict(database.db, 'Южный')).toBeNull();
  });

  it.skipIf(skip)('stores only the hash of a token, and a revoked token maps to no district', async () => {
    const districtId = await addDistrict(database.db, 'Северный');
    const token = await createToken(database.db, districtId);
    const stored = await database.db.selectFrom('tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await districtForTokenHash(database.db, hashToken(token))).toBe(districtId);
    expect(await revokeToken(database.db, hashToken(token).slice(0, 12))).toEqual({ revoked: hashToken(token).slice(0, 12) });
    expect(await districtForTokenHash(database.db, hashToken(token))).toBeNull();
    expect(await revokeToken(database.db, 'never-issued')).toEqual({ none: true });
  });

  it.skipIf(skip)('adds up counts across batches and counts a repeated batchId once', async () => {
    const districtId = await addDistrict(database.db, 'Северный');
    const rows = [
      { day: '2026-11-20', messenger: 'telegram', event: 'opened', n: 3 },
      { day: '2026-11-20', messenger: 'telegram', event: 'opened', n: 2 },
      { day: '2026-11-21', messenger: 'whatsapp', event: 'nudge_shown', n: 1 },
    ] as const;
    expect(await storeBatches(database, [batch(districtId, uuid(1), rows), batch(districtId, uuid(2), rows), batch(districtId, uuid(1), rows)])).toEqual([true, true, false]);
    expect(await storeBatches(database, [batch(districtId, uuid(2), rows)])).toEqual([false]);
    const counts = await database.db.selectFrom('counts').select(['org_id', 'day', 'messenger', 'event', 'n']).orderBy('day').execute();
    expect(counts).toEqual([
      { org_id: 'school-1', day: '2026-11-20', messenger: 'telegram', event: 'opened', n: 10 },
      { org_id: 'school-1', day: '2026-11-21', messenger: 'whatsapp', event: 'nudge_shown', n: 2 },
    ]);
    expect(await database.db.selectFrom('batches').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirst()).toEqual({ n: 2 });
  });

  it.skipIf(skip)('takes at most the plausibility bound into a cell, keeps the refused rest apart, and the rollups agree', async () => {
    const districtId = await addDistrict(database.db, 'Северный');
    const flood = Array.from({ length: 1000 }, () => ({ day: '2026-11-20', messenger: 'teams', event: 'blocked', n: 90_000 }) as const);
    const honest = { day: '2026-11-20', messenger: 'telegram', event: 'opened', n: 4 } as const;
    await storeBatches(database, [batch(districtId, uuid(1), [...flood.slice(0, 999), honest])]);
    await storeBatches(database, [batch(districtId, uuid(2), [{ ...flood[0]!, n: 5 }])]);
    const cells = async (table: 'counts' | 'district_days' | 'school_weeks' | 'count_excess') =>
      Object.fromEntries((await database.db.selectFrom(table).select(['messenger', 'n']).execute()).map((row) => [row.messenger, Number(row.n)]));
    expect(await cells('counts')).toEqual({ teams: COUNT_CEILING, telegram: 4 });
    expect(await cells('district_days')).toEqual({ teams: COUNT_CEILING, telegram: 4 });
    expect(await cells('school_weeks')).toEqual({ teams: COUNT_CEILING, telegram: 4 });
    expect(await cells('count_excess')).toEqual({ teams: 999 * 90_000 + 5 - COUNT_CEILING });
  });
});

describe.each(ENGINES)('visits under the plausibility bound on $name', ({ name, skip }) => {
  it.skipIf(skip)('takes at most the bound into a visit cell, and its rollups take the same', async () => {
    const database = await freshDatabase(name);
    try {
      const districtId = await addDistrict(database.db, 'Северный');
      const visit = { day: '2026-11-20', target: 'sferum', n: 90_000 } as const;
      const batchOf = (id: number) => ({ districtId, batchId: uuid(id), orgId: 'school-1', counts: [], visits: [visit] });
      await storeBatches(database, [batchOf(1), batchOf(2)]);
      await storeBatches(database, [batchOf(3)]);
      for (const table of ['visits', 'district_visit_days', 'school_visit_weeks'] as const) {
        const rows = await database.db.selectFrom(table).select('n').execute();
        expect(rows.map((row) => Number(row.n)), table).toEqual([COUNT_CEILING]);
      }
    } finally {
      await database.drop();
    }
  });
});
