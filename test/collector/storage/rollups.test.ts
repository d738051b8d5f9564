import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../../collector/storage/rollups';
import { storeBatches } from '../../../collector/storage/store-batches';
import { addDistrict } from '../../../collector/storage/districts';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`dashboard rollups follow counts (${engine.name})`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await freshDatabase(engine.name);
    });
    afterEach(() => database.drop());

    /** What the rollups must hold, computed straight from counts in TypeScript. */
    async function expected() {
      const counts = await database.db.selectFrom('counts').selectAll().execute();
      const days = new Map<string, number>();
      const weeks = new Map<string, number>();
      for (const c of counts) {
        const k1 = `${c.district_id}|${c.day}|${c.messenger}|${c.event}`;
        days.set(k1, (days.get(k1) ?? 0) + c.n);
        const date = new Date(`${c.day}T00:00:00Z`);
        const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
        const k2 = `${c.district_id}|${monday}|${c.org_id}|${c.messenger}|${c.event}`;
        weeks.set(k2, (weeks.get(k2) ?? 0) + c.n);
      }
      return { days: Object.fromEntries(days), weeks: Object.fromEntries(weeks) };
    }

    async function actual() {
      const days = await database.db.selectFrom('district_days').selectAll().execute();
      const weeks = await database.db.selectFrom('school_weeks').selectAll().execute();
      return {
        days: Object.fromEntries(days.filter((r) => r.n !== 0).map((r) => [`${r.district_id}|${r.day}|${r.messenger}|${r.event}`, Number(r.n)])),
        weeks: Object.fromEntries(
          weeks.filter((r) => r.n !== 0).map((r) => [`${r.district_id}|${r.week_start}|${r.org_id}|${r.messenger}|${r.event}`, Number(r.n)]),
        ),
      };
    }

    it('after ingest of new and repeated keys, across a week boundary and two districts', async () => {
      const one = await addDistrict(database.db, 'Один');
      const two = await addDistrict(database.db, 'Два');
      const batch = (districtId: number, orgId: string, days: string[], n: number) => ({
        districtId,
        orgId,
        batchId: crypto.randomUUID(),
        counts: days.map((day) => ({ day, messenger: 'telegram' as const, event: 'opened' as const, n })),
      });
      await storeBatches(database, [batch(one, 'a', ['2026-11-22', '2026-11-23'], 3), batch(two, 'a', ['2026-11-22'], 7)]);
      await storeBatches(database, [batch(one, 'a', ['2026-11-22'], 4), batch(one, 'b', ['2026-11-16', '2026-11-29'], 1)]);
      const now = await actual();
      expect(now).toEqual(await expected());
      expect(now.weeks[`${one}|2026-11-16|a|telegram|opened`]).toBe(7);
      expect(now.weeks[`${one}|2026-11-23|a|telegram|opened`]).toBe(3);
      expect(now.days[`${one}|2026-11-22|telegram|opened`]).toBe(7);
    });

    it('counts a repeated batchId once in the rollups too, within a group and across groups', async () => {
      const one = await addDistrict(database.db, 'Один');
      const counts = [
        { day: '2026-11-20', messenger: 'viber' as const, event: 'opened' as const, n: 2 },
        { day: '2026-11-23', messenger: 'viber' as const, event: 'opened' as const, n: 5 },
      ];
      const same = { districtId: one, orgId: 'a', batchId: crypto.randomUUID(), counts };
      expect(await storeBatches(database, [same, same, { ...same, batchId: crypto.randomUUID(), orgId: 'b' }])).toEqual([true, false, true]);
      expect(await storeBatches(database, [same])).toEqual([false]);
      const now = await actual();
      expect(now).toEqual(await expected());
      expect(now.days[`${one}|2026-11-20|viber|opened`]).toBe(4);
      expect(now.weeks[`${one}|2026-11-23|a|viber|opened`]).toBe(5);
    });

    it('after a direct insert, update and delete of counts and a rebuild', async () => {
      const one = await addDistrict(database.db, 'Один');
      await database.db
        .insertInto('counts')
        .values([
          { district_id: one, org_id: 'a', day: '2026-11-18', messenger: 'viber', event: 'dismissed', n: 5 },
          { district_id: one, org_id: 'b', day: '2026-11-18', messenger: 'viber', event: 'dismissed', n: 2 },
        ])
        .execute();
      await database.db.updateTable('counts').set({ n: sql<number>`n + 10` }).where('org_id', '=', 'a').execute();
      await database.db.deleteFrom('counts').where('org_id', '=', 'b').execute();
      await rebuildRollups(database.db);
      expect(await actual()).toEqual(await expected());
      expect((await actual()).days).toEqual({ [`${one}|2026-11-18|viber|dismissed`]: 15 });
    });
  });
}
