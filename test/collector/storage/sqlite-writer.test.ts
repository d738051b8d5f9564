import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDistrict } from '../../../collector/storage/districts';
import { foldAll, type AcceptedBatch } from '../../../collector/storage/batch-sql';
import { sqliteWriterThread } from '../../../collector/storage/sqlite-writer';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { threadNames } from '../support/thread-names';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

describe('the SQLite writer and fold threads', () => {
  let database: TestDatabase;
  let districtId: number;
  beforeEach(async () => {
    database = await freshDatabase('sqlite');
    districtId = await addDistrict(database.db, 'Южный');
  });
  afterEach(() => database.drop());

  const batch = (n: number): AcceptedBatch => ({ districtId, batchId: uuid(n), orgId: `school-${n % 5}`, counts: [{ day: '2026-11-23', messenger: 'viber', event: 'opened', n: 3 }] });

  it('stores each batch once and folds it into counts and rollups, whichever thread does what', async () => {
    const writer = sqliteWriterThread(database.db, (database.target as { file: string }).file);
    const first = await writer.store([batch(1), batch(2), batch(1)]);
    const again = await writer.store([batch(2), batch(3)]);
    await foldAll(writer.fold);
    await writer.close();
    expect([first, again]).toEqual([
      [true, true, false],
      [false, true],
    ]);
    const totals = database.sqlite!.prepare('select (select total(n) from counts) as counts, (select total(n) from school_weeks) as weeks, (select count(*) from report_log) as pending').get();
    expect(totals).toEqual({ counts: 9, weeks: 9, pending: 0 });
  });

  it.skipIf(process.platform !== 'linux')('runs as two threads named for `top -H`, which end when it closes', async () => {
    const writer = sqliteWriterThread(database.db, (database.target as { file: string }).file);
    await writer.store([batch(1)]);
    await foldAll(writer.fold);
    expect(threadNames()).toEqual(expect.arrayContaining(['sqlite-writer', 'sqlite-fold']));
    await writer.close();
    expect(threadNames()).not.toContain('sqlite-writer');
    expect(threadNames()).not.toContain('sqlite-fold');
  });

  it('answers with an error, not a hang or a crash, when its threads cannot open the database, and tries again at the next request', async () => {
    const writer = sqliteWriterThread(database.db, join('/nonexistent-podskazka-folder', 'collector.db'));
    await expect(writer.store([batch(1)])).rejects.toThrow();
    await expect(writer.fold(100)).rejects.toThrow();
    await expect(writer.store([batch(2)])).rejects.toThrow();
    await writer.close();
  });
});
