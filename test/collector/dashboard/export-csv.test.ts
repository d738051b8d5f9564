import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../../collector/server/dashboard/csv';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';
import { Browser, dashboardApp, seedTwoRegions } from './support/dashboard-app';

describe('toCsv', () => {
  it('keeps number-like and date-like codes as text for Excel, other codes as they are', () => {
    const codes = ['0123', '1e5', '1-2', '12.50', 'school-0547', '-1'].map((code) => [{ code }]);
    expect(toCsv(['orgId'], codes).split('\r\n').slice(1, -1)).toEqual(['"=""0123"""', '"=""1e5"""', '"=""1-2"""', '"=""12.50"""', 'school-0547', '"=""-1"""']);
  });
  it('quotes separators and quotes, and defuses spreadsheet formulas', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['=1+1'], ['-2'], [-2]])).toBe('\uFEFFa\r\n"x,y"\r\n"say ""hi"""\r\n\'=1+1\r\n\'-2\r\n-2\r\n');
  });
});

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`CSV export of a week (${engine.name})`, () => {
    let database: TestDatabase;
    let browser: Browser;

    beforeAll(async () => {
      database = await freshDatabase(engine.name);
      await seedTwoRegions(database.db);
      browser = new Browser(dashboardApp(database.db));
      await browser.login('zarechny', 'zarechny-pass');
    });
    afterAll(() => database.drop());

    it('is UTF-8 with a BOM, one row per school × messenger, a column per event', async () => {
      const response = await browser.request('/export.csv?week=2026-W47');
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="podskazka-2026-W47.csv"');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      expect(text.slice(1).split('\r\n')).toEqual([
        'Неделя,Школа,Мессенджер,Открыто,Подсказка показана,Переход в Сферум,Личная переписка,Подсказка закрыта,Продолжили,Заблокировано',
        '2026-W47,school-1,Telegram,20,20,5,<5,<5,<5,<5',
        '2026-W47,school-2,WhatsApp,<5,<5,<5,<5,<5,<5,<5',
        '',
      ]);
    });

    it('exports a week without data as the header alone', async () => {
      const text = await (await browser.request('/export.csv?week=2025-W01')).text();
      expect(text.split('\r\n')).toHaveLength(2);
    });
  });
}
