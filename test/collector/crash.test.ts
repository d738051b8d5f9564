import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../bench/support';
import { openDatabase, type DatabaseTarget } from '../../collector/storage/open-database';
import { ENGINES, freshPostgresTarget, freshSqliteTarget } from './support/databases';

const SCRIPT = new URL('./support/collector-process.ts', import.meta.url).pathname;
const TOKEN = 'crash-test-token';
const SENDERS = 24;
/** Kill once this many batches were acknowledged, or after MAX_LOAD_MS on a slow machine. */
const ENOUGH_ACKNOWLEDGED = 300;
const MAX_LOAD_MS = 4000;

interface Sent {
  body: string;
  orgId: string;
  n: number;
}

function batchBody(index: number): Sent {
  const today = new Date().toISOString().slice(0, 10);
  const orgId = `b${index}`;
  const n = 1 + (index % 97);
  const body = JSON.stringify({
    v: 1,
    batchId: randomUUID(),
    orgId,
    extVersion: '1.0.0',
    counts: [
      { day: today, messenger: 'telegram', event: 'opened', n },
      { day: today, messenger: 'whatsapp', event: 'nudge_shown', n: n + 1 },
      { day: today, messenger: 'discord', event: 'dismissed', n: n + 2 },
    ],
  });
  return { body, orgId, n };
}

const post = (url: string, body: string) =>
  fetch(`${url}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body });

/** Sends distinct batches from SENDERS loops until `halt()`; collects those answered with a 2xx. */
function loadUntilKilled(url: string) {
  let running = true;
  let serverKilled = false;
  let next = 0;
  const acknowledged: Sent[] = [];
  const errors: unknown[] = [];
  const senders = Array.from({ length: SENDERS }, async () => {
    while (running) {
      const sent = batchBody(next++);
      try {
        const response = await post(url, sent.body);
        if (response.status === 202) acknowledged.push(sent);
        else if (response.status !== 503) errors.push(new Error(`unexpected ${response.status}: ${await response.text()}`));
      } catch (error) {
        if (!serverKilled) errors.push(error);
      }
    }
  });
  return {
    acknowledged,
    errors,
    sentCount: () => next,
    /** From now on a refused or broken connection is expected, not an error. */
    serverDies: () => {
      serverKilled = true;
    },
    /** No new requests; those in flight finish or break. */
    halt: () => {
      running = false;
    },
    settled: () => Promise.all(senders),
  };
}

/** Long enough that the kill surely lands while the fold's transaction is open. */
const HOLD_MS = 60_000;

describe.each(ENGINES)('kill -9 under load on $name', ({ name, skip }) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it.skipIf(skip).each([
    { when: 'at a moment of the load', holdMs: 0 },
    { when: 'while a fold is writing counts and rollups', holdMs: HOLD_MS },
  ])('keeps every batch that got a 2xx, exactly once, when killed $when', async ({ holdMs }) => {
    const { target, remove } = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    cleanup.push(remove);
    const where = 'file' in target ? target.file : target.url;

    const first = await startServer(SCRIPT, [where, TOKEN, String(holdMs)]);
    cleanup.push(first.stop);
    let folding = false;
    first.child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('folding')) folding = true;
    });
    const load = loadUntilKilled(first.url);
    const started = Date.now();
    const ready = () => (holdMs === 0 || folding) && (load.acknowledged.length >= ENOUGH_ACKNOWLEDGED || Date.now() - started > MAX_LOAD_MS);
    while (!ready()) await new Promise((resolve) => setTimeout(resolve, 50));
    // The senders keep going until the process is gone, so it dies with requests in flight.
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    load.serverDies();
    first.child.kill('SIGKILL');
    await exited;
    load.halt();
    await load.settled();
    expect(load.errors).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThan(20);
    expect(load.sentCount()).toBeGreaterThan(load.acknowledged.length);

    // The restarted collector folds what the killed one left in its log.
    const second = await startServer(SCRIPT, [where, TOKEN]);
    cleanup.push(second.stop);
    const stored = await storedBatches(target);
    for (const sent of load.acknowledged) {
      expect(stored.get(sent.orgId), sent.orgId).toEqual([sent.n, sent.n + 1, sent.n + 2]);
    }
    // Whatever was stored without an answer is stored whole and once, never in part.
    for (const [orgId, counts] of stored) expect(counts, orgId).toEqual([counts[0], counts[0]! + 1, counts[0]! + 2]);

    const resent = await Promise.all(load.acknowledged.slice(0, 200).map(async (sent) => (await post(second.url, sent.body)).status));
    expect(new Set(resent)).toEqual(new Set([200]));
    expect(await storedBatches(target)).toEqual(stored);
  }, 120_000);
});

/**
 * orgId → [telegram opened, whatsapp nudge_shown, discord dismissed] as stored, once the running
 * collector has folded its log; the rollups must hold the same sums.
 */
async function storedBatches(target: DatabaseTarget): Promise<Map<string, number[]>> {
  const database = await openDatabase(target);
  try {
    while (Number((await database.db.selectFrom('report_log').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const rows = await database.db.selectFrom('counts').select(['org_id', 'messenger', 'n']).execute();
    const order = ['telegram', 'whatsapp', 'discord'];
    const byOrg = new Map<string, number[]>();
    for (const row of rows) {
      const counts = byOrg.get(row.org_id) ?? [0, 0, 0];
      counts[order.indexOf(row.messenger)] = row.n;
      byOrg.set(row.org_id, counts);
    }
    const batchCount = Number((await database.db.selectFrom('batches').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(batchCount).toBe(byOrg.size);
    const total = (table: 'counts' | 'district_days' | 'school_weeks') =>
      database.db.selectFrom(table).select(({ fn }) => fn.sum<number>('n').as('n')).executeTakeFirstOrThrow().then((row) => Number(row.n ?? 0));
    const inCounts = await total('counts');
    expect([await total('district_days'), await total('school_weeks')]).toEqual([inCounts, inCounts]);
    return byOrg;
  } finally {
    await database.close();
  }
}
