import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { REPORT_HEADERS, reportBatch } from './report-batch';

/**
 * The fold's lag as the dashboard sees it: while a load runs, a marker batch from a school of its
 * own is posted every 250 ms and the database polled until its counts appear; the lag is the time
 * from its 202 to that moment. `where` is the collector's SQLite file or PostgreSQL URL.
 */
export async function probeFoldLag(url: string, where: string, running: () => boolean): Promise<number[]> {
  const read = await reader(where);
  const lags: number[] = [];
  // Schools of this probe alone: a later probe of the same server must not find an earlier one's rows.
  const run = Math.random().toString(36).slice(2, 8);
  try {
    for (let probe = 0; running(); probe += 1) {
      const orgId = `lag-${run}-${probe}`;
      const response = await fetch(`${url}/api/v1/reports`, { method: 'POST', headers: REPORT_HEADERS, body: reportBatch(probe, orgId) });
      if (response.status !== 202) continue;
      const accepted = performance.now();
      while (!(await read(orgId)) && performance.now() - accepted < 60_000) await new Promise((resolve) => setTimeout(resolve, 10));
      lags.push(performance.now() - accepted);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await read.close();
  }
  return lags;
}

// The bench server's one district: with it the probe is a lookup in the counts' key. By org_id
// alone it scanned the whole table 100 times a second, a load of its own on PostgreSQL, where the
// fold's updates leave the table full of dead rows between vacuums.
const ONLY_DISTRICT = 'select id from districts order by id limit 1';
const PROBE_COUNTS = 'select 1 from counts where district_id = $1 and org_id = $2 limit 1';

async function reader(where: string): Promise<((orgId: string) => Promise<boolean>) & { close: () => Promise<void> }> {
  if (where.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    const districtId = (await client.query<{ id: number }>(ONLY_DISTRICT)).rows[0]!.id;
    return Object.assign(async (orgId: string) => (await client.query(PROBE_COUNTS, [districtId, orgId])).rowCount! > 0, { close: () => client.end() });
  }
  const sqlite = new BetterSqlite3(where, { readonly: true, fileMustExist: true });
  const districtId = (sqlite.prepare(ONLY_DISTRICT).get() as { id: number }).id;
  const statement = sqlite.prepare(PROBE_COUNTS.replace('$1', '?').replace('$2', '?'));
  return Object.assign(async (orgId: string) => statement.get(districtId, orgId) !== undefined, { close: async () => void sqlite.close() });
}
