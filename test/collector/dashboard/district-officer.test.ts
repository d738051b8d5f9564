import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, type EventName } from '../../../protocol/events';
import { MESSENGER_IDS, type MessengerId } from '../../../protocol/messengers';
import type { ReportResponse, TrendResponse, WeeksResponse } from '../../../collector/server/dashboard/api-types';
import { addDistrict, addRegion } from '../../../collector/storage/districts';
import { rebuildRollups } from '../../../collector/storage/rollups';
import type { Database } from '../../../collector/storage/schema';
import { upsertSchools } from '../../../collector/storage/schools';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';
import { addUser, Browser, dashboardApp } from './support/dashboard-app';
import { linearlyDetermined, pinnedByBounds } from './support/differencing-attack';

/**
 * Monday morning, 25 November 2026, as a district officer: 40 schools in the directory, 3 of them
 * silent in week 47 (16–22 November), one unknown code reporting, visits to Sferum/MAX. Week 48 is
 * still running.
 */
const WEEK = '2026-W47';
const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
const SILENT = new Set(['school-07', 'school-22', 'school-35']);
const code = (i: number) => `school-${String(i).padStart(2, '0')}`;

function random(seed: number) {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0), state / 4294967296);
}

async function seed(db: Kysely<Database>) {
  const region = await addRegion(db, 'Республика Дагестан');
  const district = await addDistrict(db, 'Казбековский район', region);
  const other = await addDistrict(db, 'Соседний район', region);
  await upsertSchools(db, Array.from({ length: 40 }, (_, i) => ({ districtId: district, orgId: code(i + 1), name: `МКОУ «${['Дылымская', 'Гертминская', 'Ленинаульская', 'Калининаульская'][i % 4]} СОШ № ${i + 1}»` })));
  await upsertSchools(db, [{ districtId: other, orgId: 'other-1', name: 'Чужая школа' }]);
  const next = random(47);
  const counts: Database['counts'][] = [];
  const visits: Database['visits'][] = [];
  const add = (orgId: string, day: string, messenger: MessengerId, event: EventName, n: number) => counts.push({ district_id: district, org_id: orgId, day, messenger, event, n });
  for (let i = 1; i <= 40; i += 1) {
    const orgId = code(i);
    // The silent schools: one reported the week before, one a month ago, one never.
    if (orgId === 'school-07') add(orgId, '2026-11-12', 'telegram', 'opened', 6);
    if (orgId === 'school-22') add(orgId, '2026-10-21', 'whatsapp', 'opened', 2);
    if (SILENT.has(orgId)) continue;
    for (const day of [...DAYS, '2026-11-10', '2026-11-24']) {
      for (const messenger of ['telegram', 'whatsapp', 'discord'] as const) {
        if (next() < 0.4) continue;
        for (const event of EVENT_NAMES) if (event === 'opened' || next() < 0.3) add(orgId, day, messenger, event, 1 + Math.floor(next() * 6));
      }
      if (next() < 0.7) visits.push({ district_id: district, org_id: orgId, day, target: next() < 0.5 ? 'sferum' : 'max', n: 1 + Math.floor(next() * 9) });
    }
  }
  add('school-99', '2026-11-18', 'telegram', 'opened', 9);
  counts.push({ district_id: other, org_id: 'other-1', day: '2026-11-18', messenger: 'viber', event: 'opened', n: 777 });
  for (let i = 0; i < counts.length; i += 500) await db.insertInto('counts').values(counts.slice(i, i + 500)).onConflict((c) => c.doNothing()).execute();
  for (let i = 0; i < visits.length; i += 500) await db.insertInto('visits').values(visits.slice(i, i + 500)).onConflict((c) => c.doNothing()).execute();
  await rebuildRollups(db);
  await addUser(db, 'uo-kazbek', 'uo-kazbek-pass', { role: 'district', districtId: district });
  await addUser(db, 'director-05', 'director-05-pass', { role: 'school', districtId: district, orgId: 'school-05' });
  await addUser(db, 'minobr', 'minobr-pass', { role: 'region', regionId: region });
  return { district, other };
}

/** The database's own sums for W47, per school and measure. */
async function truth(db: Kysely<Database>, district: number) {
  const sums = new Map<string, number>();
  const add = (key: string, n: number) => sums.set(key, (sums.get(key) ?? 0) + Number(n));
  for (const row of await db.selectFrom('counts').selectAll().where('district_id', '=', district).where('day', '>=', '2026-11-16').where('day', '<=', '2026-11-22').execute()) {
    add(`${row.org_id}/${row.event}`, row.n);
    add(`total/${row.event}`, row.n);
  }
  for (const row of await db.selectFrom('visits').selectAll().where('district_id', '=', district).where('day', '>=', '2026-11-16').where('day', '<=', '2026-11-22').execute()) {
    add(`${row.org_id}/visits`, row.n);
    add('total/visits', row.n);
  }
  return (key: string) => sums.get(key) ?? 0;
}

/** A published cell agrees with the database: the number itself, «<5» for 1–4, «×» for a hidden one. */
function agrees(cell: unknown, actual: number) {
  if (cell === '<5') return actual >= 1 && actual <= 4;
  if (cell === '×') return actual >= 1;
  return cell === actual;
}

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`a district officer's Monday (${engine.name})`, () => {
    let database: TestDatabase;
    let ids: { district: number; other: number };
    const as = async (login: string) => {
      const browser = new Browser(dashboardApp(database.db, { now: () => new Date('2026-11-25T09:00:00Z') }));
      expect((await browser.login(login, `${login}-pass`)).status).toBe(200);
      return browser;
    };
    beforeAll(async () => {
      database = await freshDatabase(engine.name);
      ids = await seed(database.db);
    }, 120_000);
    afterAll(() => database.drop());

    it('opens on the last full week, names the silent schools and shows the headline with its changes', async () => {
      const officer = await as('uo-kazbek');
      const weeks = await officer.json<WeeksResponse>('/weeks');
      expect(weeks.latest).toBe(WEEK);
      expect(weeks.weeks.at(-1)).toBe('2026-W48');
      const current = await officer.json<ReportResponse>('/report?week=2026-W48');
      expect(current.inProgress).toBe(true);

      const report = await officer.json<ReportResponse>(`/report?week=${WEEK}`);
      expect(report.inProgress).toBe(false);
      expect(report.coverage).toMatchObject({ reporting: 37, listed: 40, unlisted: 1 });
      expect(report.coverage!.silent.map((s) => [s.code, s.lastDay])).toEqual([
        ['school-07', '2026-11-12'],
        ['school-22', '2026-10-21'],
        ['school-35', null],
      ].sort((a, b) => report.coverage!.silent.findIndex((s) => s.code === a[0]) - report.coverage!.silent.findIndex((s) => s.code === b[0])));
      expect(report.coverage!.silent[0]!.name).toMatch(/^МКОУ «/);
      const unknown = report.units.find((unit) => unit.code === 'school-99')!;
      expect(unknown).toMatchObject({ name: 'нет в справочнике', listed: false });

      const sum = await truth(database.db, ids.district);
      expect(agrees(report.headline.opened.value, sum('total/opened'))).toBe(true);
      expect(agrees(report.headline.visits.value, sum('total/visits'))).toBe(true);
      expect(typeof report.headline.opened.change).toBe('number');
      const using = report.units.filter((unit) => unit.listed && unit.cells.visits !== 0).length;
      expect(report.headline.usingAlternative).toMatchObject({ count: using, of: 40 });
      expect(report.headline.noForeignOpens.of).toBe(37 + 1);
      for (const unit of report.units) for (const measure of [...EVENT_NAMES, 'visits'] as const) expect(agrees(unit.cells[measure], sum(`${unit.code}/${measure}`)), `${unit.code}/${measure}`).toBe(true);
      expect(report.units.find((unit) => unit.code === 'school-07')!.cells.opened).toBe(0);
    });

    it('leaves no hidden cell of the week recoverable from every figure it publishes', async () => {
      const officer = await as('uo-kazbek');
      const report = await officer.json<ReportResponse>(`/report?week=${WEEK}`);
      for (const measure of EVENT_NAMES) {
        const columns = MESSENGER_IDS.filter((m) => report.messengerTotals.some((t) => t.messenger === m));
        const table = [
          ...report.units.map((unit) => [...columns.map((m) => unit.messengers.find((row) => row.messenger === m)?.cells[measure] ?? 0), unit.cells[measure]]),
          [...columns.map((m) => report.messengerTotals.find((row) => row.messenger === m)!.cells[measure]), report.totals[measure]],
        ];
        expect(linearlyDetermined(table).filter(([r, c]) => table[r]![c] === '<5'), measure).toEqual([]);
        expect(pinnedByBounds(table), measure).toEqual([]);
      }
      const trend = await officer.json<TrendResponse>(`/trend?to=${WEEK}&weeks=12`);
      expect(trend.series.opened.at(-1)).toEqual(report.totals.opened);
      expect(trend.series.visits.at(-1)).toEqual(report.totals.visits);
    });

    it('exports XLSX and ";"-CSV with names and a totals row that match the database', async () => {
      const officer = await as('uo-kazbek');
      const sum = await truth(database.db, ids.district);
      const report = await officer.json<ReportResponse>(`/report?week=${WEEK}`);
      const xlsx = await officer.request(`/export.xlsx?week=${WEEK}`);
      expect(xlsx.headers.get('Content-Type')).toMatch(/spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await xlsx.arrayBuffer());
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Сводка', 'По школам']);
      const sheet = book.getWorksheet('По школам')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 2)).toEqual(['Код', 'Школа']);
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
      expect(rows).toHaveLength(report.units.length + 1);
      for (const row of rows.slice(0, -1)) {
        expect(typeof row[0]).toBe('string');
        const unit = report.units.find((u) => u.code === row[0])!;
        expect(row[1]).toBe(unit.name);
        report.measures.forEach((measure, i) => expect(agrees(row[i + 2], sum(`${unit.code}/${measure}`)), `${unit.code}/${measure}`).toBe(true));
      }
      const totals = rows.at(-1)!;
      expect(totals[1]).toBe('Итого');
      report.measures.forEach((measure, i) => expect(agrees(totals[i + 2], sum(`total/${measure}`)), measure).toBe(true));
      const summary = book.getWorksheet('Сводка')!;
      expect(String(summary.getCell('A1').value).replaceAll('\u00a0', ' ')).toContain('16–22 ноября 2026');

      const bytes = new Uint8Array(await (await officer.request(`/export.csv?week=${WEEK}`)).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      const lines = csv.trim().split('\r\n').map((line) => line.split(';'));
      expect(lines[0]!.slice(0, 3)).toEqual(['Неделя', 'Код', 'Школа']);
      const dylym = report.units[0]!;
      expect(lines.find((line) => line[1] === dylym.code)![2]).toBe(dylym.name);
      expect(lines.find((line) => line[2] === 'Итого')!.slice(3)).toEqual(report.measures.map((m) => String(report.totals[m])));
    });

    it('shows a school user its own school only, through every route and export', async () => {
      const director = await as('director-05');
      const report = await director.json<ReportResponse>(`/report?week=${WEEK}&orgId=school-01&district_id=${ids.other}`);
      expect(report.units.map((unit) => unit.code)).toEqual(['school-05']);
      expect(report.coverage).toBeNull();
      const sum = await truth(database.db, ids.district);
      expect(agrees(report.totals.opened, sum('school-05/opened'))).toBe(true);
      const csv = await (await director.request(`/export.csv?week=${WEEK}&orgId=school-01`)).text();
      expect(csv).not.toMatch(/school-0[1-46-9]|school-[1-4]\d|Чужая/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await (await director.request(`/export.xlsx?week=${WEEK}`)).arrayBuffer());
      expect(book.getWorksheet('По школам')!.rowCount).toBe(2 + 1);
      const trend = await director.json<TrendResponse>(`/trend?to=${WEEK}&weeks=2`);
      expect(trend.series.opened.at(-1)).toEqual(report.totals.opened);
      expect((await director.json<WeeksResponse>('/weeks')).weeks.every((w) => w >= '2026-W46')).toBe(true);
    });

    it('shows a region user its districts summed, never a school', async () => {
      const region = await as('minobr');
      const report = await region.json<ReportResponse>(`/report?week=${WEEK}`);
      expect(report.unitKind).toBe('district');
      expect(report.units.map((unit) => unit.name)).toEqual(['Казбековский район', 'Соседний район']);
      const districts = Object.fromEntries(report.coverage!.districts.map((d) => [d.name, d]));
      const own = await as('uo-kazbek');
      const districtView = await own.json<ReportResponse>(`/report?week=${WEEK}`);
      expect(districts['Казбековский район']).toEqual({ name: 'Казбековский район', reporting: districtView.coverage!.reporting, listed: districtView.coverage!.listed });
      expect(report.coverage!.reporting).toBe(report.coverage!.districts.reduce((sum, d) => sum + d.reporting, 0));
      expect(report.coverage!.silent).toEqual([]);
      const csv = await (await region.request(`/export.csv?week=${WEEK}`)).text();
      expect(csv).not.toContain('school-');
      expect(csv).not.toContain('МКОУ');
    });
  });
}
