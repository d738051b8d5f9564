import { addDistrict } from '../../collector/storage/districts';
import { openDatabase, type DatabaseTarget } from '../../collector/storage/open-database';
import { addTokenValue } from '../../collector/storage/tokens';
import { startCollector } from '../../collector/server/start-collector';

/**
 * The collector as benchmarked: argv[2] is a SQLite file or a postgres:// URL. Registers the token
 * `tok` that ../shared/bench/report-batches.lua sends, and lifts the per-token rate limit and quotas (one
 * token stands in for a whole district's computers here; the limiter still runs on every request).
 */
const where = process.argv[2] ?? 'bench-collector.db';
const target: DatabaseTarget = where.startsWith('postgres') ? { url: where } : { file: where };

const setup = await openDatabase(target);
const districtId = await addDistrict(setup.db, `Bench ${Date.now()}`);
await addTokenValue(setup.db, districtId, 'tok', { rowsPerDay: 2e9, newOrgsPerDay: 2e9 });
await setup.close();

const concurrency = process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {};
const collector = await startCollector({ target, port: 0, rateLimit: { perSecond: 1e9, burst: 1e9 }, dashboard: false, groupCommit: concurrency });
console.log(`listening ${new URL(collector.url).port}`);
process.on('SIGTERM', () => void collector.close().then(() => process.exit(0)));
