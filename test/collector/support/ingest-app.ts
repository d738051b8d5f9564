import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createIngest, type Ingest, type IngestOptions } from '../../../collector/ingest/ingest-handler';
import { createApp } from '../../../collector/server/app';
import { addDistrict } from '../../../collector/storage/districts';
import { createToken } from '../../../collector/storage/tokens';
import { freshDatabase, type EngineName, type TestDatabase } from './databases';

export const TODAY = new Date('2026-11-23T10:00:00Z');

/** A valid wire-format v1 batch (DESIGN §6) dated around TODAY; `overrides` replace top-level keys. */
export function validBatch(overrides: Record<string, unknown> = {}) {
  return {
    v: 1,
    batchId: randomUUID(),
    orgId: 'school-0547',
    extVersion: '1.2.0',
    counts: [
      { day: '2026-11-22', messenger: 'telegram', event: 'opened', n: 3 },
      { day: '2026-11-23', messenger: 'whatsapp', event: 'nudge_shown', n: 1 },
    ],
    ...overrides,
  };
}

export interface IngestFixture {
  app: Hono;
  ingest: Ingest;
  database: TestDatabase;
  north: { id: number; token: string };
  south: { id: number; token: string };
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** counts of a district as "org|day|messenger|event" → n, once everything answered so far is folded */
  countsOf(districtId: number): Promise<Record<string, number>>;
  drop(): Promise<void>;
}

/** The collector's app (no dashboard) over a fresh database with two districts and a token each. */
export async function ingestFixture(engine: EngineName, options: Partial<IngestOptions> = {}): Promise<IngestFixture> {
  const database = await freshDatabase(engine);
  const northId = await addDistrict(database.db, 'Северный район');
  const southId = await addDistrict(database.db, 'Южный район');
  const north = { id: northId, token: await createToken(database.db, northId) };
  const south = { id: southId, token: await createToken(database.db, southId) };
  const ingest = createIngest({ database, today: () => TODAY, ...options });
  const app = createApp({ db: database.db, ingest, dashboard: false });
  return {
    app,
    ingest,
    database,
    north,
    south,
    post: async (body, headers = {}) =>
      app.request('/api/v1/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${north.token}`, ...headers },
        body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
      }),
    async countsOf(districtId) {
      await ingest.settle();
      const rows = await database.db.selectFrom('counts').selectAll().where('district_id', '=', districtId).execute();
      return Object.fromEntries(rows.map((row) => [`${row.org_id}|${row.day}|${row.messenger}|${row.event}`, row.n]));
    },
    async drop() {
      await ingest.close();
      await database.drop();
    },
  };
}
