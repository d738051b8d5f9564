import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freshPostgresDatabase, percentile, startServer } from '../support';
import { cpuPerBatch, readCpu, type CpuPerBatch } from './cpu-time';
import { probeFoldLag } from './fold-lag';

/**
 * Ingest throughput: wrk posts wire-format batches (../shared/bench/report-batches.lua, 10 rows
 * each, a fresh batchId each) to a bare node:http server and to the collector on SQLite and on
 * PostgreSQL, in one run, bare first and last to show the drift. Each server gets a full load for
 * each count of connections, then a paced load of at least 2,000 batches a second for its latency
 * (paced-batches.lua: PACED_CONNECTIONS connections, each waiting PACE_MS between an answer and its
 * next batch: 2,500/s with 1 ms answers, still 2,130/s with 5 ms ones; wrk has no rate of its own).
 * Why two counts: with 32 connections a collector's throughput is 32 requests over its commit's
 * round trip, and about a fifth of the two cores stays idle; with 128 (still far fewer than a
 * district's computers reporting at 08:00) the bare server and the collectors' main threads run
 * flat out, so the ratio to bare compares the work per batch. On the collectors, the fold's lag
 * is probed during every load (fold-lag.ts). Prints Markdown tables: the full loads, the paced
 * loads, and the CPU time per batch of each full load by thread and of PostgreSQL (cpu-time.ts),
 * which moves less with the machine.
 *   npx tsx bench/ingest/run.ts [seconds=8] [connections=32,128]
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (scripts/ensure-postgres.sh); skipped without.
 */
const seconds = Number(process.argv[2] ?? 8);
const connectionCounts = (process.argv[3] ?? '32,128').split(',').map(Number);
const PACED_CONNECTIONS = 64;
const PACE_MS = 25;
const script = join(import.meta.dirname, '../../../shared/bench/report-batches.lua');
const pacedScript = join(import.meta.dirname, 'paced-batches.lua');
const run = promisify(execFile);

type Load = Awaited<ReturnType<typeof runWrk>>;

interface FullLoad extends Load {
  connections: number;
  lag: number[];
  cpu: CpuPerBatch;
}

interface Result {
  name: string;
  full: FullLoad[];
  paced: Load;
  pacedLag: number[];
}

async function runWrk(url: string, connections: number, paced = false) {
  const env = { ...process.env, REPORT_BATCHES: script, PACE_MS: String(PACE_MS) };
  const { stdout } = await run('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', paced ? pacedScript : script, '--latency', `${url}/api/v1/reports`], { encoding: 'utf8', env });
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? NaN);
  const p99 = /\s99%\s+(\S+)/.exec(stdout)?.[1] ?? '?';
  const failures = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0) + Number(/Socket errors: .*?timeout (\d+)/.exec(stdout)?.[1] ?? 0);
  const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? NaN);
  return { perSecond, p99, failures, requests };
}

/** Runs `load` while probing the fold's lag (collectors only). */
async function withLag<T>(url: string, where: string | undefined, load: () => Promise<T>): Promise<[T, number[]]> {
  if (!where) return [await load(), []];
  let running = true;
  const lag = probeFoldLag(url, where, () => running);
  const result = await load().finally(() => {
    running = false;
  });
  return [result, await lag];
}

/** Lets the previous run's background work (PostgreSQL's checkpoint after a drop, autovacuum) end first. */
const SETTLE_MS = 5000;

async function measure(name: string, serverScript: string, where?: string): Promise<Result> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const server = await startServer(serverScript, where ? [where] : []);
  try {
    await runWrk(server.url, connectionCounts[0]!); // warm-up run: JIT, page cache, connection pool
    const full: FullLoad[] = [];
    for (const connections of connectionCounts) {
      const before = readCpu(server.child.pid!);
      const [load, lag] = await withLag(server.url, where, () => runWrk(server.url, connections));
      full.push({ ...load, connections, lag, cpu: cpuPerBatch(before, readCpu(server.child.pid!), load.requests) });
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
    const [paced, pacedLag] = await withLag(server.url, where, () => runWrk(server.url, PACED_CONNECTIONS, true));
    return { name, full, paced, pacedLag };
  } finally {
    await server.stop();
  }
}

const bare = join(import.meta.dirname, 'bare-server.ts');
const collector = join(import.meta.dirname, 'collector-server.ts');
const folder = mkdtempSync(join(tmpdir(), 'podskazka-bench-'));
const results: Result[] = [];
try {
  results.push(await measure('bare node:http (first)', bare));
  results.push(await measure('collector, SQLite', collector, join(folder, 'bench.db')));
  // Deleted at once: the kernel would otherwise still be writing its dirty pages (over 100 MB of
  // WAL and checkpoints) back to disk while PostgreSQL runs and syncs its own WAL.
  rmSync(folder, { recursive: true, force: true });
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const database = await freshPostgresDatabase(adminUrl, 'podskazka_bench');
    try {
      results.push(await measure('collector, PostgreSQL', collector, database.url));
    } finally {
      await database.drop();
    }
  } else {
    console.error('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  }
  results.push(await measure('bare node:http (last)', bare));
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/** The bare server's mean over its first and last run, at each count of connections. */
const bareMean = (connections: number) => {
  const bares = [results[0]!, results.at(-1)!].map((result) => result.full.find((load) => load.connections === connections)!.perSecond);
  return (bares[0]! + bares[1]!) / 2;
};
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');
const lagOf = (lags: number[]) => {
  const sorted = [...lags].sort((a, b) => a - b);
  return sorted.length ? `${ms(percentile(sorted, 50))} / ${ms(sorted.at(-1)!)}` : '–';
};
const fullLoads = results.flatMap((result) => result.full.map((load) => ({ name: result.name, load })));
console.log(`wrk -t1 -d${seconds}s, -c${connectionCounts.join(' and -c')}; paced: -c${PACED_CONNECTIONS}, ${PACE_MS} ms between answer and next batch; ${new Date().toISOString().slice(0, 16)}Z\n`);
console.log('| server | connections | batches/s | p99 | × bare | non-2xx | fold lag p50 / max |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const { name, load } of fullLoads) {
  console.log(`| ${name} | ${load.connections} | ${Math.round(load.perSecond)} | ${load.p99} | ${(load.perSecond / bareMean(load.connections)).toFixed(2)} | ${load.failures} | ${lagOf(load.lag)} |`);
}

console.log('\nPaced:\n');
console.log('| server | batches/s | p99 | non-2xx | fold lag p50 / max |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of results) console.log(`| ${r.name} | ${Math.round(r.paced.perSecond)} | ${r.paced.p99} | ${r.paced.failures} | ${lagOf(r.pacedLag)} |`);

const us = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
console.log('\nCPU time per batch of each full load, µs (threads of one name summed; PostgreSQL: all its local processes; in brackets: of it in the kernel):\n');
console.log('| server | connections | all threads | by thread | PostgreSQL | all cores busy |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const { name, load } of fullLoads) {
  const { cpu } = load;
  const threads = cpu.threads.filter(([, value]) => value >= 0.5).map(([thread, value]) => `${thread} ${us(value)}`).join(', ');
  const postgres = name.includes('PostgreSQL') ? `${us(cpu.postgres)} (${us(cpu.postgresKernel)})` : '–';
  console.log(`| ${name} | ${load.connections} | ${us(cpu.server)} (${us(cpu.serverKernel)}) | ${threads} | ${postgres} | ${Math.round(cpu.machineBusy * 100)} % |`);
}
