import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { OverviewResponse, TrendResponse, UnitsResponse, WeeksResponse } from '../../../collector/server/dashboard/api-types';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';
import { Browser, dashboardApp, seedTwoRegions } from './support/dashboard-app';

const telegramOpened = (overview: OverviewResponse) => overview.messengers.find((m) => m.messenger === 'telegram')!.counts.opened;

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
      const overview = await zarechny.json<OverviewResponse>('/overview?week=2026-W47');
      expect(overview.scopeName).toBe('Заречный');
      expect(overview.from).toBe('2026-11-16');
      expect(overview.to).toBe('2026-11-22');
      expect(telegramOpened(overview)).toBe(20);
      expect(overview.totals.opened).toBe(23);
      expect(overview.share).toEqual({ nudgeShown: 23, alternativeOpened: 5, ratio: 5 / 23 });

      const units = await zarechny.json<UnitsResponse>('/units?week=2026-W47');
      expect(units.unitKind).toBe('school');
      expect(units.rows.map((r) => `${r.unit}/${r.messenger}`)).toEqual(['school-1/telegram', 'school-2/whatsapp']);

      const lugovoy = await as('lugovoy');
      expect(telegramOpened(await lugovoy.json<OverviewResponse>('/overview?week=2026-W47'))).toBe(30);
      const lugovoyUnits = await lugovoy.json<UnitsResponse>('/units?week=2026-W47');
      expect(lugovoyUnits.rows.map((r) => r.unit)).toEqual(['lug-7', 'school-1']);
    });

    it('a region user sees the sum of its districts, per district, and nothing of another region', async () => {
      const north = await as('north');
      const overview = await north.json<OverviewResponse>('/overview?week=2026-W47');
      expect(overview.scopeName).toBe('Северный');
      expect(telegramOpened(overview)).toBe(20 + 30);
      expect(overview.totals.opened).toBe(20 + 3 + 30 + 4);

      const units = await north.json<UnitsResponse>('/units?week=2026-W47');
      expect(units.unitKind).toBe('district');
      expect(units.rows.map((r) => `${r.unit}/${r.messenger}/${r.cells.opened}`)).toEqual([
        'Заречный/telegram/20',
        'Заречный/whatsapp/<5',
        'Луговой/discord/<5',
        'Луговой/telegram/30',
      ]);
      const csv = await (await north.request('/export.csv?week=2026-W47')).text();
      expect(csv).not.toContain('Приморский');
      expect(csv).not.toContain('school-1');

      const south = await as('south');
      expect(telegramOpened(await south.json<OverviewResponse>('/overview?week=2026-W47'))).toBe(1000);
    });

    it('weeks and trend stay within the scope', async () => {
      const zarechny = await as('zarechny');
      // Wednesday of W48: the week to show first is the last finished one, W47.
      expect(await zarechny.json<WeeksResponse>('/weeks')).toEqual({ weeks: ['2026-W46', '2026-W47', '2026-W48'], latest: '2026-W47' });
      const trend = await zarechny.json<TrendResponse>('/trend?to=2026-W48&weeks=3');
      expect(trend.weeks).toEqual(['2026-W46', '2026-W47', '2026-W48']);
      const telegram = trend.series.find((s) => s.messenger === 'telegram')!;
      expect(telegram.counts.opened).toEqual([100, 20, 200]);
      expect(trend.share).toEqual([null, 5 / 23, null]);
      // A longer window starts at the first week with data, not with empty weeks before it.
      expect((await zarechny.json<TrendResponse>('/trend?to=2026-W48&weeks=10')).weeks).toEqual(['2026-W46', '2026-W47', '2026-W48']);

      const south = await as('south');
      expect(await south.json<WeeksResponse>('/weeks')).toEqual({ weeks: ['2026-W47'], latest: '2026-W47' });
    });

    it('ignores any attempt to pick another district through the query string', async () => {
      const zarechny = await as('zarechny');
      const overview = await zarechny.json<OverviewResponse>('/overview?week=2026-W47&district_id=3&district=Приморский&region=2');
      expect(overview.totals.opened).toBe(23);
    });

    it('answers 400 with a reason to a week that is not an ISO week', async () => {
      const zarechny = await as('zarechny');
      for (const week of ['2026-47', '2026-W54', '2025-W53', "2026-W47' or 1=1", '']) {
        const response = await zarechny.request(`/overview?week=${encodeURIComponent(week)}`);
        expect(response.status, week).toBe(400);
        expect(((await response.json()) as { error: string }).error).toMatch(/2026-W47/);
      }
    });
  });
}
