import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { bundle } from '../collector/bin/build.mjs';

const SERVER_BUNDLES = fileURLToPath(new URL('../node_modules/.cache/podskazka-bench', import.meta.url));

/**
 * Starts `script` as the collector runs when deployed (compiled into one module for plain `node`,
 * as `podskazka-collector` does: no TypeScript loader on the request path) and waits for its
 * "listening PORT" line.
 */
export async function startServer(script: string, args: string[] = []): Promise<{ child: ChildProcess; url: string; stop: () => Promise<void> }> {
  // Inside the project, so the bundle's external packages resolve from its node_modules.
  mkdirSync(SERVER_BUNDLES, { recursive: true });
  const folder = mkdtempSync(join(SERVER_BUNDLES, 'server-'));
  const bundleFile = join(folder, 'server.mjs');
  writeFileSync(bundleFile, (await bundle(script, bundleFile)).outputFiles[0]!.contents);
  const child = spawn(process.execPath, [bundleFile, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const port = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening (\d+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** A new empty PostgreSQL database next to the one in `adminUrl`; `drop` removes it. */
export async function freshPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // A plain DROP stops an autovacuum worker itself; FORCE (for our own stray sessions) may not.
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name}`).catch(() => admin(`drop database if exists ${name} with (force)`)) };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
