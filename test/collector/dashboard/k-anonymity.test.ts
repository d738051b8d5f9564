import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitsResponse } from '../../../collector/server/dashboard/api-types';
import { addCounts, Browser, dashboardApp, seedTwoRegions } from './support/dashboard-app';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`small school-level numbers are hidden (${engine.name})`, () => {
    let database: TestDatabase;
    let browser: Browser;

    beforeAll(async () => {
      database = await freshDatabase(engine.name);
      const { zarechny } = await seedTwoRegions(database.db);
      // Two days of 2 make 4 in the week: still hidden. 5 is shown.
      await addCounts(database.db, [
        { districtId: zarechny, orgId: 'school-3', day: '2026-11-16', messenger: 'viber', event: 'opened', n: 2 },
        { districtId: zarechny, orgId: 'school-3', day: '2026-11-17', messenger: 'viber', event: 'opened', n: 2 },
        { districtId: zarechny, orgId: 'school-3', day: '2026-11-18', messenger: 'viber', event: 'dismissed', n: 5 },
      ]);
      browser = new Browser(dashboardApp(database.db));
      await browser.login('zarechny', 'zarechny-pass');
    });
    afterAll(() => database.drop());

    it('sends "<5" instead of any weekly school cell below 5, zero included', async () => {
      const units = await browser.json<UnitsResponse>('/units?week=2026-W47');
      const viber = units.rows.find((r) => r.unit === 'school-3')!;
      expect(viber.cells).toEqual({
        opened: '<5',
        nudge_shown: '<5',
        alternative_opened: '<5',
        personal_use: '<5',
        dismissed: 5,
        proceeded: '<5',
        blocked: '<5',
      });
      const school1 = units.rows.find((r) => r.unit === 'school-1')!;
      expect(school1.cells).toMatchObject({ opened: 20, nudge_shown: 20, alternative_opened: 5 });
      for (const row of units.rows) {
        for (const cell of Object.values(row.cells)) expect(typeof cell === 'number' ? cell >= 5 : cell === '<5').toBe(true);
      }
    });

    it('applies the same rule in the CSV export', async () => {
      const csv = await (await browser.request('/export.csv?week=2026-W47')).text();
      expect(csv).toContain('\r\n2026-W47,school-3,Viber,<5,<5,<5,<5,5,<5,<5\r\n');
    });
  });
}
