import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDistrict } from '../../../collector/storage/districts';
import { FOLD_SLICE } from '../../../collector/storage/sqlite-fold-read.mjs';
import { createSqliteFold } from '../../../collector/storage/sqlite-fold.mjs';
import { createSqliteStore } from '../../../collector/storage/sqlite-store-core.mjs';
import { sqliteStatements } from '../../../collector/storage/sqlite-writer';
import { toLogEntries, type AcceptedBatch } from '../../../collector/storage/batch-sql';
import { freshDatabase, type TestDatabase } from '../support/databases';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const BATCHES_PER_GROUP = 3;
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the SQLite fold, read in slices', () => {
  let database: TestDatabase;
  let districtId: number;
  let next = 0;
  beforeEach(async () => {
    database = await freshDatabase('sqlite');
    districtId = await addDistrict(database.db, 'Северный');
  });
  afterEach(() => database.drop());

  const sqlite = () => database.sqlite!;
  /** Stores `groups` groups of BATCHES_PER_GROUP batches: a log row each. */
  const store = (groups: number) => {
    const storeGroup = createSqliteStore(sqlite(), sqliteStatements(database.db));
    for (let group = 0; group < groups; group += 1) {
      const list: AcceptedBatch[] = Array.from({ length: BATCHES_PER_GROUP }, () => {
        next += 1;
        return { districtId, batchId: uuid(next), orgId: `school-${next % 7}`, counts: [{ day: '2026-11-20', messenger: 'telegram', event: 'opened', n: 2 }], visits: [{ day: '2026-11-20', target: 'max', n: 1 }] };
      });
      storeGroup(toLogEntries(list));
    }
  };
  const totals = () =>
    sqlite()
      .prepare(
        `select (select total(n) from counts) as counts, (select total(n) from school_weeks) as weeks, (select total(n) from district_days) as days,
                (select total(n) from visits) as visits, (select total(n) from school_visit_weeks) as visitWeeks, (select count(*) from report_log) as pending`,
      )
      .get();

  it('folds every batch once, those stored between its slices included', async () => {
    const fold = createSqliteFold(sqlite(), sqliteStatements(database.db));
    store(2 * FOLD_SLICE + 500);
    const folding = fold(20_000);
    await turn();
    store(300);
    await turn();
    store(200);
    await folding;
    while ((await fold(20_000)) > 0);
    const batches = (2 * FOLD_SLICE + 1000) * BATCHES_PER_GROUP;
    expect(totals()).toEqual({ counts: 2 * batches, weeks: 2 * batches, days: 2 * batches, visits: batches, visitWeeks: batches, pending: 0 });
  });

  it('counts each batch once when two processes fold the same file at once', async () => {
    const statements = sqliteStatements(database.db);
    const [mine, theirs] = [createSqliteFold(sqlite(), statements), createSqliteFold(sqlite(), statements)];
    store(3 * FOLD_SLICE);
    const folded = await Promise.all([mine(20_000), theirs(20_000)]);
    const batches = 3 * FOLD_SLICE * BATCHES_PER_GROUP;
    expect(folded.sort((a, b) => a - b)).toEqual([0, batches]);
    expect(totals()).toEqual({ counts: 2 * batches, weeks: 2 * batches, days: 2 * batches, visits: batches, visitWeeks: batches, pending: 0 });
  });
});
