import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases';
import { ingestFixture, validBatch, type IngestFixture } from '../support/ingest-app';

describe.each(ENGINES)('exactly-once batchIds on $name', ({ name, skip }) => {
  let f: IngestFixture;
  beforeEach(async () => {
    if (!skip) f = await ingestFixture(name, { rateLimit: { perSecond: 1e6, burst: 1e6 } });
  });
  afterEach(async () => {
    if (!skip) await f.drop();
  });

  it.skipIf(skip)('counts a batch once in any letter case', async () => {
    const batch = validBatch({ batchId: '3f6c1a9e-5b2d-4c8e-9a1f-0d2e4b6a8c0e' });
    expect((await f.post(batch)).status).toBe(202);
    expect((await f.post({ ...batch, batchId: batch.batchId.toUpperCase() })).status).toBe(200);
    expect((await f.post({ ...batch, batchId: '3F6c1A9e-5B2d-4C8e-9A1f-0D2e4B6a8C0e' })).status).toBe(200);
    expect(await f.countsOf(f.north.id)).toEqual({ 'school-0547|2026-11-22|telegram|opened': 3, 'school-0547|2026-11-23|whatsapp|nudge_shown': 1 });
    const ids = await f.database.db.selectFrom('batches').select('batch_id').execute();
    expect(ids).toEqual([{ batch_id: '3f6c1a9e-5b2d-4c8e-9a1f-0d2e4b6a8c0e' }]);
  });

  it.skipIf(skip)("stores another district's batch even when its id is one this district used", async () => {
    const batch = validBatch();
    expect((await f.post(batch)).status).toBe(202);
    expect((await f.post(batch, { authorization: `Bearer ${f.south.token}` })).status).toBe(202);
    expect((await f.post(batch, { authorization: `Bearer ${f.south.token}` })).status).toBe(200);
    expect(Object.values(await f.countsOf(f.south.id))).toEqual([3, 1]);
    expect(Object.values(await f.countsOf(f.north.id))).toEqual([3, 1]);
  });

  it.skipIf(skip)('agrees when the same id arrives in two cases in one group', async () => {
    const batch = validBatch();
    const answers = await Promise.all([f.post(batch), f.post({ ...batch, batchId: batch.batchId.toUpperCase() }), f.post(batch)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 202]);
    expect(Object.values(await f.countsOf(f.north.id))).toEqual([3, 1]);
  });
});
