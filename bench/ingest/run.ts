import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase, startServer } from '../support';

/**
 * Ingest throughput: wrk posts wire-format batches (../shared/bench/report-batches.lua, 10 rows
 * each, a fresh batchId each) to a bare node:http server and to the collector on SQLite and on
 * PostgreSQL, in one run, bare first and last to show the drift. Prints a Markdown table.
 *   npx tsx bench/ingest/run.ts [seconds=8] [connections=32]
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (scripts/ensure-postgres.sh); skipped without.
 */
const seconds = Number(process.argv[2] ?? 8);
const connections = Number(process.argv[3] ?? 32);
const script = join(import.meta.dirname, '../../../shared/bench/report-batches.lua');

interface Result {
  name: string;
  perSecond: number;
  p99: string;
  failures: number;
}

function runWrk(name: string, url: string): Result {
  const output = execFileSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', script, '--latency', `${url}/api/v1/reports`], { encoding: 'utf8' });
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const p99 = /\s99%\s+(\S+)/.exec(output)?.[1] ?? '?';
  const failures = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0) + Number(/Socket errors: .*?timeout (\d+)/.exec(output)?.[1] ?? 0);
  return { name, perSecond, p99, failures };
}

/** Lets the previous run's background work (PostgreSQL's checkpoint after a drop, autovacuum) end first. */
const SETTLE_MS = 5000;

async function measure(name: string, serverScript: string, args: string[] = []): Promise<Result> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const server = await startServer(serverScript, args);
  try {
    runWrk(name, server.url); // warm-up run: JIT, page cache, connection pool
    return runWrk(name, server.url);
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
  results.push(await measure('collector, SQLite', collector, [join(folder, 'bench.db')]));
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const database = await freshPostgresDatabase(adminUrl, 'podskazka_bench');
    try {
      results.push(await measure('collector, PostgreSQL', collector, [database.url]));
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

const bareMean = (results[0]!.perSecond + results.at(-1)!.perSecond) / 2;
console.log(`wrk -t1 -c${connections} -d${seconds}s, ${new Date().toISOString().slice(0, 16)}Z\n`);
console.log('| server | batches/s | p99 | × bare | non-2xx |\n| --- | --- | --- | --- | --- |');
for (const result of results) {
  console.log(`| ${result.name} | ${Math.round(result.perSecond)} | ${result.p99} | ${(result.perSecond / bareMean).toFixed(2)} | ${result.failures} |`);
}
