import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { weekCsv } from '../../collector/server/dashboard/export-csv';
import { weekXlsx } from '../../collector/server/dashboard/export-xlsx';
import { buildWeekReport } from '../../collector/server/dashboard/week-report';
import { weekTrend } from '../../collector/server/dashboard/week-trend';
import { upsertSchools } from '../../collector/storage/schools';
import { isoWeekOf, weekRange } from '../../collector/server/dashboard/iso-week';
import type { Scope } from '../../collector/server/dashboard/scope';
import { addDistrict } from '../../collector/storage/districts';
import { openDatabase, refreshStatistics, type CollectorDatabase, type DatabaseTarget } from '../../collector/storage/open-database';
import { foldAll, type AcceptedBatch } from '../../collector/storage/batch-sql';
import { createBatchStore } from '../../collector/storage/store-batches';
import { freshPostgresDatabase, percentile } from '../support';
import { districtYear } from './district-year';

/**
 * Dashboard query latency over a generated district-year (500 schools × 365 days, all messengers
 * and events), loaded through the ingest's own batch store, on SQLite and PostgreSQL:
 *   npx tsx bench/queries/run.ts [schools=500] [days=365] [repeats=40]
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL; skipped without.
 */
const schools = Number(process.argv[2] ?? 500);
const days = Number(process.argv[3] ?? 365);
const repeats = Number(process.argv[4] ?? 40);
const lastDay = new Date().toISOString().slice(0, 10);

async function load(database: CollectorDatabase): Promise<{ scope: Scope; rows: number; seconds: number }> {
  const districtId = await addDistrict(database.db, 'Bench district');
  const { store, fold } = createBatchStore(database);
  const started = performance.now();
  let group: AcceptedBatch[] = [];
  let rows = 0;
  for (const batch of districtYear({ districtId, schools, days, lastDay })) {
    group.push(batch);
    rows += batch.counts.length;
    if (group.length === 250) {
      await store(group);
      await foldAll(fold);
      group = [];
    }
  }
  if (group.length) await store(group);
  await foldAll(fold);
  // The district's directory: every school named, as `school import` leaves it.
  await upsertSchools(database.db, Array.from({ length: schools }, (_, i) => ({ districtId, orgId: `school-${String(i + 1).padStart(4, '0')}`, name: `МБОУ «Средняя школа № ${i + 1}»` })));
  return { scope: { role: 'district', name: 'Bench district', districts: [{ id: districtId, name: 'Bench district' }] }, rows, seconds: (performance.now() - started) / 1000 };
}

/** `prepare` runs before each timed run, untimed. */
async function time(work: () => Promise<unknown>, prepare: () => Promise<unknown> = async () => {}): Promise<{ p50: number; p95: number }> {
  await prepare();
  await work();
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    await prepare();
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measure(engine: string, target: DatabaseTarget): Promise<string[]> {
  const database = await openDatabase(target);
  try {
    const { scope, rows, seconds } = await load(database);
    await refreshStatistics(database);
    console.error(`${engine}: loaded ${rows} count rows in ${seconds.toFixed(0)} s (${Math.round(rows / seconds)} rows/s through the ingest store)`);
    const lastWeek = isoWeekOf(lastDay)!;
    const weeks = [...new Set(Array.from({ length: 52 }, (_, i) => isoWeekOf(new Date(Date.parse(`${lastDay}T00:00:00Z`) - i * 7 * 86_400_000).toISOString().slice(0, 10))!))];
    let next = 0;
    const report = (week: string) => buildWeekReport(database.db, scope, weekRange(week)!, lastDay);
    const weekly = await time(() => report(weeks[next++ % weeks.length]!));
    // The trend remembers a week's unit lines while its totals stay (trend-memory.ts): measured as
    // during a school day, a new batch in the current week before each run, and cold, on a fresh
    // connection that remembers nothing.
    const { store, fold } = createBatchStore(database);
    let landed = 0;
    const landOne = async () => {
      landed += 1;
      await store([{ districtId: scope.districts[0]!.id, batchId: `10000000-0000-4000-8000-${landed.toString(16).padStart(12, '0')}`, orgId: `school-${String((landed % schools) + 1).padStart(4, '0')}`, counts: [{ day: lastDay, messenger: 'telegram', event: 'opened', n: 1 }, { day: lastDay, messenger: 'telegram', event: 'nudge_shown', n: 1 }], visits: [{ day: lastDay, target: 'sferum', n: 1 }] }]);
      await foldAll(fold);
    };
    const trend12 = await time(() => weekTrend(database.db, scope, lastWeek, 12), landOne);
    let fresh: CollectorDatabase | null = null;
    const trendCold = await time(
      () => weekTrend(fresh!.db, scope, lastWeek, 12),
      async () => {
        await fresh?.close();
        fresh = await openDatabase(target);
      },
    );
    await fresh!.close();
    const csv = await time(async () => weekCsv(await report(weeks[next++ % weeks.length]!)));
    const xlsx = await time(async () => weekXlsx(await report(weeks[next++ % weeks.length]!)));
    const cell = ({ p50, p95 }: { p50: number; p95: number }) => `${p50.toFixed(1)} / ${p95.toFixed(1)}`;
    const line = `| ${engine} | ${rows.toLocaleString('en')} | ${cell(weekly)} | ${cell(trend12)} | ${cell(trendCold)} | ${cell(csv)} | ${cell(xlsx)} |`;
    console.error(line);
    return [line];
  } finally {
    await database.close();
  }
}

const folder = mkdtempSync(join(tmpdir(), 'podskazka-query-bench-'));
const lines: string[] = [];
try {
  lines.push(...(await measure('SQLite', { file: join(folder, 'bench.db') })));
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const database = await freshPostgresDatabase(adminUrl, 'podskazka_qbench');
    try {
      lines.push(...(await measure('PostgreSQL', { url: database.url })));
    } finally {
      await database.drop();
    }
  } else {
    console.error('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(`${schools} schools × ${days} days, ${repeats} runs each, ms p50 / p95, ${new Date().toISOString().slice(0, 16)}Z\n`);
console.log('| engine | count rows | weekly report (this and last week, suppressed) | trend, 12 weeks, a new batch before each | trend, 12 weeks, cold | CSV export | XLSX export |\n| --- | --- | --- | --- | --- | --- | --- |');
for (const line of lines) console.log(line);
