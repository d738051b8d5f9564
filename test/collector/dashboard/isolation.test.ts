import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { ReportResponse, TrendResponse, WeeksResponse } from '../../../collector/server/dashboard/api-types';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';
import { Browser, dashboardApp, seedTwoRegions } from './support/dashboard-app';

const telegramOpened = (report: ReportResponse) => report.messengerTotals.find((m) => m.messenger === 'telegram')!.cells.opened;

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`what each user sees (${engine.name})`, () => {
    let database: TestDatabase;
    const as = async (login: string) => {
      const browser = new Browser(dashboardApp(database.db, { now: () => new Date('2026-11-25T12:00:00Z') }));
      expect((await browser.login(login, `${login}-pass`)).status).toBe(200);
      return browser;
    };

    beforeAll(async () => {
      database = await freshDatabase(engine.name);
      await seedTwoRegions(database.db);
    });
    afterAll(() => database.drop());
    afterEach(() => undefined);

    it('a district user sees only its own district, per school', async () => {
      const zarechny = await as('zarechny');
      const report = await zarechny.json<ReportResponse>('/report?week=2026-W47');
      expect(report.scopeName).toBe('Заречный');
      expect([report.from, report.to]).toEqual(['2026-11-16', '2026-11-22']);
      expect(report.totals.opened).toBe(23);
      expect(report.unitKind).toBe('school');
      expect(report.units.map((u) => u.code)).toEqual(['school-1', 'school-2']);

      const lugovoy = await as('lugovoy');
      const theirs = await lugovoy.json<ReportResponse>('/report?week=2026-W47');
      expect(theirs.units.map((u) => u.code).sort()).toEqual(['lug-7', 'school-1']);
    });

    it('a region user sees the sum of its districts, per district, and nothing of another region', async () => {
      const north = await as('north');
      const report = await north.json<ReportResponse>('/report?week=2026-W47');
      expect(report.scopeName).toBe('Северный');
      expect(report.unitKind).toBe('district');
      expect(report.units.map((u) => u.name)).toEqual(['Заречный', 'Луговой']);
      const csv = await (await north.request('/export.csv?week=2026-W47')).text();
      expect(csv).not.toContain('Приморский');
      expect(csv).not.toContain('school-1');

      const south = await as('south');
      expect(telegramOpened(await south.json<ReportResponse>('/report?week=2026-W47'))).toBe(1000);
    });

    it('weeks and trend stay within the scope', async () => {
      const zarechny = await as('zarechny');
      // Wednesday of W48: the week to show first is the last finished one, W47.
      expect(await zarechny.json<WeeksResponse>('/weeks')).toEqual({ weeks: ['2026-W46', '2026-W47', '2026-W48'], latest: '2026-W47' });
      const trend = await zarechny.json<TrendResponse>('/trend?to=2026-W48&weeks=3');
      expect(trend.weeks).toEqual(['2026-W46', '2026-W47', '2026-W48']);
      // W46 and W48: one school alone makes the total, which would give its cells away.
      expect(trend.series.opened).toEqual([100, 23, 200]);

      const south = await as('south');
      expect(await south.json<WeeksResponse>('/weeks')).toEqual({ weeks: ['2026-W47'], latest: '2026-W47' });
    });

    it('ignores any attempt to pick another district through the query string', async () => {
      const zarechny = await as('zarechny');
      const report = await zarechny.json<ReportResponse>('/report?week=2026-W47&district_id=3&district=Приморский&region=2');
      expect(report.totals.opened).toBe(23);
    });

    it('answers 400 with a reason to a week that is not an ISO week', async () => {
      const zarechny = await as('zarechny');
      for (const week of ['2026-47', '2026-W54', '2025-W53', "2026-W47' or 1=1", '']) {
        const response = await zarechny.request(`/report?week=${encodeURIComponent(week)}`);
        expect(response.status, week).toBe(400);
        expect(((await response.json()) as { error: string }).error).toMatch(/2026-W47/);
      }
    });
  });
}
