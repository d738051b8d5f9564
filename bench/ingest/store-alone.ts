import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FOLD_LIMIT, type AcceptedBatch } from '../../collector/storage/batch-sql';
import { addDistrict } from '../../collector/storage/districts';
import { openDatabase, type DatabaseTarget } from '../../collector/storage/open-database';
import { createBatchWriter } from '../../collector/storage/store-batches';
import { freshPostgresDatabase } from '../support';
import { reportBatch } from './report-batch';

/**
 * The storage alone, no HTTP: `batches` bench batches stored in groups of 32 (what wrk's 32
 * connections allow), then folded in one go, per engine; µs per batch on the request path and in
 * the fold. CPU time of this process and the database's, on a shared machine: compare within a run.
 *   npx tsx bench/ingest/store-alone.ts [batches=20000]
 */
const total = Number(process.argv[2] ?? 20_000);

async function measure(engine: string, target: DatabaseTarget): Promise<string> {
  const database = await openDatabase(target);
  const districtId = await addDistrict(database.db, 'Bench');
  const writer = createBatchWriter(database);
  try {
    const batches: AcceptedBatch[] = Array.from({ length: total }, (_, index) => ({ districtId, ...JSON.parse(reportBatch(index)) }));
    let started = performance.now();
    for (let at = 0; at < total; at += 32) await writer.store(batches.slice(at, at + 32));
    const store = ((performance.now() - started) * 1000) / total;
    started = performance.now();
    let folds = 0;
    while ((await writer.fold(FOLD_LIMIT, true)) > 0) folds += 1;
    const fold = ((performance.now() - started) * 1000) / total;
    return `| ${engine} | ${total} | ${store.toFixed(0)} µs | ${fold.toFixed(0)} µs (${folds} folds of ≤ ${FOLD_LIMIT}) |`;
  } finally {
    await writer.close();
    await database.close();
  }
}

const folder = mkdtempSync(join(tmpdir(), 'podskazka-store-'));
const rows = ['| engine | batches | store, per batch | fold, per batch |', '| --- | --- | --- | --- |'];
try {
  rows.push(await measure('SQLite', { file: join(folder, 'bench.db') }));
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const database = await freshPostgresDatabase(adminUrl, 'podskazka_store');
    try {
      rows.push(await measure('PostgreSQL', { url: database.url }));
    } finally {
      await database.drop();
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(rows.join('\n'));
