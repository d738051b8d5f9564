import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngest, type Ingest } from '../../collector/ingest/ingest-handler';
import { openDatabase, type CollectorDatabase } from '../../collector/storage/open-database';
import { ENGINES } from './support/databases';
import { ingestFixture, TODAY, type IngestFixture } from './support/ingest-app';

const postgres = ENGINES.find((engine) => engine.name === 'postgres')!;
const MESSENGERS = ['telegram', 'whatsapp', 'discord', 'teams'] as const;

/** Several collectors of a region over one PostgreSQL database (DESIGN §7). */
describe('two collectors sharing one PostgreSQL', () => {
  let f: IngestFixture;
  let other: { database: CollectorDatabase; ingest: Ingest };
  beforeEach(async () => {
    if (postgres.skip) return;
    f = await ingestFixture('postgres', { rateLimit: { perSecond: 1e9, burst: 1e9 } });
    const database = await openDatabase(f.database.target);
    other = { database, ingest: createIngest({ database, today: () => TODAY, rateLimit: { perSecond: 1e9, burst: 1e9 } }) };
  });
  afterEach(async () => {
    if (postgres.skip) return;
    await other.ingest.close();
    await other.database.close();
    await f.drop();
  });

  const send = (ingest: Ingest, token: string, body: object) =>
    ingest.handle({ contentType: 'application/json', authorization: `Bearer ${token}`, contentLength: null, body: [new TextEncoder().encode(JSON.stringify(body))] });

  it.skipIf(postgres.skip)('counts a batch sent to both at once a single time, and sums overlapping rows without deadlock', async () => {
    const batches = Array.from({ length: 120 }, (_, index) => ({
      v: 1,
      batchId: randomUUID(),
      orgId: `school-${index % 3}`,
      extVersion: '1.0.0',
      counts: MESSENGERS.map((messenger) => ({ day: '2026-11-23', messenger, event: 'opened', n: 1 })),
    }));
    // Every batch goes to both collectors, in opposite orders, all at once.
    const answers = await Promise.all([
      ...batches.map((batch) => send(f.ingest, f.north.token, batch)),
      ...[...batches].reverse().map((batch) => send(other.ingest, f.north.token, batch)),
    ]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(120);
    expect(statuses.filter((status) => status === 200)).toHaveLength(120);
    const counts = await f.countsOf(f.north.id);
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(120 * MESSENGERS.length);
    expect(counts['school-0|2026-11-23|telegram|opened']).toBe(40);
  });
});
