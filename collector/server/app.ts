import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sql, type Kysely } from 'kysely';
import { API_PREFLIGHT_HEADERS } from '../ingest/api-response';
import { createConnectionCheck } from '../ingest/connection-check';
import type { Ingest } from '../ingest/ingest-handler';
import type { Database } from '../storage/schema';
import { mountDashboard, type DashboardOptions } from './dashboard/mount';
import { openApiDocument } from './openapi';

export const REPORTS_PATH = '/api/v1/reports';

export interface AppOptions {
  db: Kysely<Database>;
  ingest: Ingest;
  /** false: the report API only (tests, benchmarks). */
  dashboard?: DashboardOptions | false;
}

/** The collector's HTTP app: report ingest, health, OpenAPI, and the dashboard. */
export function createApp({ db, ingest, dashboard = {} }: AppOptions): Hono {
  const app = new Hono();
  const openApi = JSON.stringify(openApiDocument());

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(db);
      return c.json({ ok: true });
    } catch {
      return c.json({ error: 'The database does not answer.' }, 503);
    }
  });
  app.get('/openapi.json', (c) => c.body(openApi, 200, { 'content-type': 'application/json; charset=utf-8' }));

  app.options(REPORTS_PATH, (c) => c.body(null, 204, API_PREFLIGHT_HEADERS));
  const connectionCheck = createConnectionCheck(db);
  app.get(REPORTS_PATH, async (c) => {
    const response = await connectionCheck.handle({ authorization: c.req.header('authorization'), orgId: c.req.query('orgId') });
    return c.body(response.body, response.status as ContentfulStatusCode, response.headers);
  });
  app.post(REPORTS_PATH, async (c) => {
    const response = await ingest.handle({
      contentType: c.req.header('content-type'),
      authorization: c.req.header('authorization'),
      contentLength: c.req.header('content-length'),
      body: c.req.raw.body as AsyncIterable<Uint8Array> | null,
    });
    return c.body(response.body, response.status as ContentfulStatusCode, response.headers);
  });
  app.all(REPORTS_PATH, (c) => c.json({ error: 'Reports are sent with POST; GET checks the token.' }, 405, { allow: 'GET, POST, OPTIONS' }));

  if (dashboard !== false) mountDashboard(app, db, dashboard);

  app.notFound((c) => c.json({ error: 'Not found.' }, 404));
  app.onError((error, c) => {
    console.error(`podskazka-collector: ${c.req.method} ${c.req.path} failed: ${error.message}`);
    return c.json({ error: 'Internal error.' }, 500);
  });
  return app;
}
