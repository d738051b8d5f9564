import { resolve } from 'node:path';
import { seedDemo } from '../demo/seed-demo';
import type { DatabaseTarget } from '../storage/open-database';
import { startCollector } from '../server/start-collector';
import { connectionHelp } from './connect-help';
import { UsageError } from './usage-error';

export interface ServeOptions {
  target: DatabaseTarget;
  host?: string;
  port?: string;
  demo: boolean;
  /** Behind a reverse proxy: believe its X-Forwarded-Host and X-Forwarded-Proto. */
  trustProxy?: boolean;
}

/** Serves until SIGINT/SIGTERM, then stores what is queued and exits 0. */
export async function serveCommand({ target, host = '127.0.0.1', port = '8787', demo, trustProxy = false }: ServeOptions, out: (line: string) => void): Promise<number> {
  const portNumber = Number(port);
  if (!/^\d{1,5}$/.test(port) || portNumber > 65535) throw new UsageError(`--port must be a number 0–65535, not "${port}"`);
  const collector = await startCollector({ target, host, port: portNumber, dashboard: { trustProxy } }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`${host}:${port} is already in use (another collector running? try --port)`);
    throw error;
  });
  const where = 'file' in target ? `SQLite ${resolve(target.file)}` : 'PostgreSQL';
  out(`Podskazka collector: ${collector.url}/ (${where})`);
  out(`  reports: POST ${collector.url}/api/v1/reports   health: ${collector.url}/healthz   API: ${collector.url}/openapi.json`);
  let token: string | undefined;
  if (demo) {
    const access = await seedDemo(collector.database.db);
    token = access.token;
    out(`  demo district «Демо-район»: log in at ${collector.url}/ as ${access.login} / ${access.password}`);
    out(`  demo report token: ${access.token}`);
  }
  // Ctrl-C is handled from before the text that invites it is printed
  const stopped = new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      out('Stopping the collector: storing the reports still queued…');
      collector.close().then(
        () => (out('Collector stopped: every report it accepted is stored.'), resolve(0)),
        (error: unknown) => (out(`Collector stopped with an error: ${error instanceof Error ? error.message : String(error)}`), resolve(1)),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  for (const line of connectionHelp(collector.url, token)) out(line);
  return stopped;
}
