import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createIngest, type Ingest, type IngestOptions } from '../ingest/ingest-handler';
import { openDatabase, refreshStatistics, type CollectorDatabase, type DatabaseTarget } from '../storage/open-database';
import { createApp, REPORTS_PATH } from './app';
import type { DashboardOptions } from './dashboard/mount';

/** SQLite keeps no statistics by itself; the dashboard's plans depend on them. */
const STATISTICS_INTERVAL_MS = 60 * 60 * 1000;

export interface CollectorOptions extends Omit<IngestOptions, 'database'> {
  target: DatabaseTarget;
  host?: string;
  port?: number;
  dashboard?: DashboardOptions | false;
}

export interface RunningCollector {
  url: string;
  database: CollectorDatabase;
  ingest: Ingest;
  /** Stops taking connections, stores what is queued, closes the database. */
  close(): Promise<void>;
}

/**
 * Serves the Hono app on node:http. POST /api/v1/reports skips the Request/Response adapter and
 * calls the same ingest handler straight from node:http: at thousands of reports a second the
 * adapter alone would cost more than storing them.
 */
export async function startCollector({ target, host = '127.0.0.1', port = 8787, dashboard, ...ingestOptions }: CollectorOptions): Promise<RunningCollector> {
  const database = await openDatabase(target);
  const ingest = createIngest({ database, ...ingestOptions });
  const app = createApp({ db: database.db, ingest, dashboard });
  const honoListener = getRequestListener(app.fetch);

  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === REPORTS_PATH) void ingestDirectly(ingest, request, response);
    else void honoListener(request, response);
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    await ingest.close();
    await database.close();
    throw error;
  }
  const statistics = setInterval(() => void refreshStatistics(database).catch(() => {}), STATISTICS_INTERVAL_MS);
  statistics.unref();
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${shownHost}:${address.port}`,
    database,
    ingest,
    async close() {
      clearInterval(statistics);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(forced);
      await ingest.close();
      await database.close();
    },
  };
}

async function ingestDirectly(ingest: Ingest, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const answer = await ingest.handle({
    contentType: request.headers['content-type'],
    authorization: request.headers.authorization,
    contentLength: request.headers['content-length'],
    body: request,
  });
  // With its length the answer goes out in one piece instead of chunked.
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  response.end(answer.body);
}
