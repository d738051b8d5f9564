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

async function reader(where: string): Promise<((orgId: string) => Promise<boolean>) & { close: () => Promise<void> }> {
  if (where.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    return Object.assign(async (orgId: string) => (await client.query('select 1 from counts where org_id = $1 limit 1', [orgId])).rowCount! > 0, { close: () => client.end() });
  }
  const sqlite = new BetterSqlite3(where, { readonly: true, fileMustExist: true });
  const statement = sqlite.prepare('select 1 from counts where org_id = ? limit 1');
  return Object.assign(async (orgId: string) => statement.get(orgId) !== undefined, { close: async () => void sqlite.close() });
}
