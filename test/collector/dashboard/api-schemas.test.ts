import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as schemas from '../../../collector/server/dashboard/api-schemas';
import { openApiDocument } from '../../../collector/server/openapi';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { Browser, dashboardApp, seedTwoRegions } from './support/dashboard-app';

/** Parsing strips keys a schema does not know, so equality means: exactly the documented shape. */
function expectShape(schema: z.ZodType, body: unknown) {
  const parsed = schema.safeParse(body);
  expect(parsed.error).toBeUndefined();
  expect(parsed.data).toEqual(body);
}

describe('the dashboard API answers exactly what /openapi.json documents', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    await seedTwoRegions(database.db);
  });
  afterAll(() => database.drop());

  it.each(['zarechny', 'north'])('for %s', async (login) => {
    const browser = new Browser(dashboardApp(database.db, { now: () => new Date('2026-11-25T12:00:00Z') }));
    const loggedIn = await browser.login(login, `${login}-pass`);
    expectShape(schemas.SessionInfo, await loggedIn.json());
    expectShape(schemas.SessionInfo, await browser.json('/session'));
    expectShape(schemas.WeeksResponse, await browser.json('/weeks'));
    const report = await browser.json<{ units: unknown[] }>('/report?week=2026-W47');
    expect(report.units.length).toBeGreaterThan(0);
    expectShape(schemas.ReportResponse, report);
    expectShape(schemas.TrendResponse, await browser.json('/trend?to=2026-W47&weeks=4'));
    expectShape(schemas.ApiError, await (await browser.request('/report?week=yesterday')).json());
  });

  it('lists every dashboard route with its answer schema', () => {
    const document = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
    for (const route of ['login', 'session', 'logout', 'weeks', 'report', 'trend', 'export.csv', 'export.xlsx']) {
      expect(Object.keys(document.paths)).toContain(`/api/v1/dashboard/${route}`);
    }
    expect(document.paths['/api/v1/dashboard/report']!.get!.responses['200']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportResponse' } } } });
    expect(document.components.schemas.ReportResponse).toMatchObject({ type: 'object' });
  });
});
