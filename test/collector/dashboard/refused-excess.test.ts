import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportResponse } from '../../../collector/server/dashboard/api-types';
import { addDistrict, addRegion } from '../../../collector/storage/districts';
import { rebuildRollups } from '../../../collector/storage/rollups';
import { upsertSchools } from '../../../collector/storage/schools';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';
import { addUser, Browser, dashboardApp } from './support/dashboard-app';

/**
 * A school whose token flooded the collector (the bound kept 100,000 opens of one cell and refused
 * the rest into count_excess), and schools whose codes look like numbers or dates to a spreadsheet.
 */
const CODES = ['0123', '1e5', '1-2', '00042'];

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`refused excess and code cells on the dashboard (${engine.name})`, () => {
    let database: TestDatabase;
    const as = async (login: string) => {
      const browser = new Browser(dashboardApp(database.db, { now: () => new Date('2026-11-25T09:00:00Z') }));
      expect((await browser.login(login, `${login}-pass`)).status).toBe(200);
      return browser;
    };
    beforeAll(async () => {
      database = await freshDatabase(engine.name);
      const db = database.db;
      const region = await addRegion(db, 'Республика Дагестан');
      const district = await addDistrict(db, 'Казбековский район', region);
      const other = await addDistrict(db, 'Соседний район', region);
      await upsertSchools(db, CODES.map((orgId, i) => ({ districtId: district, orgId, name: `СОШ № ${i + 1}` })));
      await db
        .insertInto('counts')
        .values(CODES.map((orgId) => ({ district_id: district, org_id: orgId, day: '2026-11-18', messenger: 'telegram' as const, event: 'opened' as const, n: orgId === '0123' ? 100_000 : 7 })))
        .execute();
      const refused = (org_id: string, day: string, messenger: 'telegram' | 'viber', n: number, district_id = district) => ({ district_id, org_id, day, messenger, event: 'opened' as const, n });
      await db
        .insertInto('count_excess')
        .values([
          refused('0123', '2026-11-18', 'telegram', 215_900_000),
          refused('0123', '2026-11-18', 'viber', 100),
          refused('0123', '2026-11-19', 'telegram', 1),
          // another week, another district: not this officer's warning
          refused('0123', '2026-11-25', 'telegram', 5_000),
          refused('other-1', '2026-11-18', 'telegram', 9_000, other),
        ])
        .execute();
      await rebuildRollups(db);
      await addUser(db, 'uo-kazbek', 'uo-kazbek-pass', { role: 'district', districtId: district });
      await addUser(db, 'director-2', 'director-2-pass', { role: 'school', districtId: district, orgId: '1e5' });
    }, 120_000);
    afterAll(() => database.drop());

    it('warns the district of each school-day whose excess was refused, with the amount', async () => {
      const report = await (await as('uo-kazbek')).json<ReportResponse>('/report?week=2026-W47');
      expect(report.refused).toEqual([
        { code: '0123', name: 'СОШ № 1', day: '2026-11-18', n: 215_900_100 },
        { code: '0123', name: 'СОШ № 1', day: '2026-11-19', n: 1 },
      ]);
      // the refused amount never reaches the published counts
      expect(report.totals.opened).toBe(100_000 + 3 * 7);
      const director = await (await as('director-2')).json<ReportResponse>('/report?week=2026-W47');
      expect(director.refused).toEqual([]);
    });

    it('writes every code into the XLSX as a text cell, read back unchanged', async () => {
      const response = await (await as('uo-kazbek')).request('/export.xlsx?week=2026-W47');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await response.arrayBuffer());
      const sheet = book.getWorksheet('По школам')!;
      const codes: unknown[] = [];
      sheet.eachRow((row, n) => {
        if (n === 1 || n === sheet.rowCount) return;
        const cell = row.getCell(1);
        expect(cell.type, String(cell.value)).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe('@');
        codes.push(cell.value);
      });
      expect(codes.sort()).toEqual([...CODES].sort());
    });
  });
}
