import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

/** The podskazka-collector program itself (compiled, as IT staff run it), in a folder of its own. */
const BIN = new URL('../../collector/bin/podskazka-collector.js', import.meta.url).pathname;
const run = promisify(execFile);
const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL'));
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'podskazka-serve-'));
  folders.push(made);
  return made;
}

/** Starts `serve --demo` and waits for the last line of its start-up text; `stop` sends Ctrl-C. */
async function serveDemo(cwd: string) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--demo'], { cwd, env: environment, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const lines: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line === 'Stop the collector with Ctrl-C.') resolve();
    });
    void exited.then(([code]) => reject(new Error(`serve exited with ${code} before it was ready:\n${lines.join('\n')}`)));
  });
  await ready;
  const startup = [...lines];
  return {
    startup,
    async stop() {
      child.kill('SIGINT');
      const [code] = await exited;
      return { code: code as number, after: lines.slice(startup.length) };
    },
  };
}

describe('podskazka-collector, the program', () => {
  it('says its version', async () => {
    const { stdout } = await run(process.execPath, [BIN, '--version'], { cwd: folder(), env: environment });
    expect(stdout).toMatch(/^podskazka-collector 1\.\d+\.\d+ \(Node\.js \d+\.\d+\.\d+\)\n$/);
  });

  it('serve tells how to connect an extension and in which week its counts appear, and says when it has stopped', async () => {
    const serve = await serveDemo(folder());
    const text = serve.startup.join('\n');
    const url = /^Podskazka collector: (http:\/\/127\.0\.0\.1:\d+)\//.exec(serve.startup[0]!)?.[1];
    const token = /demo report token: (pk_\S+)/.exec(text)?.[1];
    expect(url).toBeDefined();
    expect(token).toBeDefined();
    expect(text).toContain(`«Адрес сервера отчётов»  ${url}/api/v1/reports`);
    expect(text).toContain(`«Ключ доступа»           ${token}`);
    expect(text).toContain('options.html');
    expect(text).toContain('reportEndpoint, reportToken');
    expect(text).toMatch(/appear on the dashboard in week \d{4}-W\d{2} \(\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}\)/);

    expect(await serve.stop()).toEqual({ code: 0, after: ['Stopping the collector: storing the reports still queued…', 'Collector stopped: every report it accepted is stored.'] });
  });

  it('uses one default database for serve and the admin commands, in the folder it is started from', async () => {
    const cwd = folder();
    expect((await (await serveDemo(cwd)).stop()).code).toBe(0);
    expect(existsSync(join(cwd, 'podskazka-collector.db'))).toBe(true);
    const adding = run(process.execPath, [BIN, 'user', 'add', 'Демо-район', 'metodist'], { cwd, env: environment });
    adding.child.stdin!.end('a long enough password\n');
    expect((await adding).stdout).toBe('user «metodist» added to «Демо-район»\n');
  });
});
