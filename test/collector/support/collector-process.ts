import { findDistrict, addDistrict } from '../../../collector/storage/districts';
import { openDatabase, type DatabaseTarget } from '../../../collector/storage/open-database';
import { addTokenValue } from '../../../collector/storage/tokens';
import { startCollector } from '../../../collector/server/start-collector';

/**
 * A collector in a child process, for tests that kill it: argv[2] a SQLite file or postgres://
 * URL, argv[3] the report token to accept, argv[4] (optional) how many ms each fold holds its
 * transaction open before committing; it prints "folding" then. Prints "listening PORT" when ready.
 */
const where = process.argv[2]!;
const token = process.argv[3]!;
const holdMs = Number(process.argv[4] ?? 0);
const target: DatabaseTarget = where.startsWith('postgres') ? { url: where } : { file: where };

const setup = await openDatabase(target);
const districtId = (await findDistrict(setup.db, 'Crash test'))?.id ?? (await addDistrict(setup.db, 'Crash test'));
// Every batch brings a new orgId: this token's quotas are lifted for the load.
await addTokenValue(setup.db, districtId, token, { rowsPerDay: 1e9, newOrgsPerDay: 1e9 });
await setup.close();

const collector = await startCollector({
  target,
  port: 0,
  dashboard: false,
  rateLimit: { perSecond: 1e9, burst: 1e9 },
  fold: { holdMs, onHold: () => console.log('folding') },
});
console.log(`listening ${new URL(collector.url).port}`);
