/**
 * How long the collector's command takes to start and finish, against a bare `node -e 0`:
 *   npx tsx bench/startup/run.ts [runs=15]
 * Each command runs `runs` times after one warm-up, alternating with the others, as a whole process
 * (wall time from spawn to exit). "through tsx" is how the command ran before it was compiled.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 15);
const root = join(import.meta.dirname, '../..');
const bin = join(root, 'collector/bin/podskazka-collector.js');
const folder = mkdtempSync(join(tmpdir(), 'podskazka-startup-'));
const db = join(folder, 'bench.db');
const throughTsx = `const { main } = await import(${JSON.stringify(join(root, 'collector/cli/main.ts'))}); process.exitCode = await main(process.argv.slice(1));`;

const commands: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['--version', [bin, '--version']],
  ['--help', [bin, '--help']],
  ['token add (admin, SQLite)', [bin, 'token', 'add', 'Бенч', '--db', db]],
  ['--help through tsx', ['--import', 'tsx', '--input-type=module', '-e', throughTsx, '--', '--help']],
  ['token add through tsx', ['--import', 'tsx', '--input-type=module', '-e', throughTsx, '--', 'token', 'add', 'Бенч', '--db', db]],
];

function once(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return performance.now() - started;
}

once([bin, 'district', 'add', 'Бенч', '--db', db]);
const times = new Map(commands.map(([name]) => [name, [] as number[]]));
for (const [, args] of commands) once(args);
for (let run = 0; run < runs; run++) for (const [name, args] of commands) times.get(name)!.push(once(args));
rmSync(folder, { recursive: true, force: true });

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const bare = quantile([...times.get('node -e 0')!].sort((a, b) => a - b), 0.5);
console.log(`Node ${process.versions.node}, ${runs} runs each, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
console.log('| command | median | p90 | median − node -e 0 |\n| --- | --- | --- | --- |');
for (const [name, values] of times) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  console.log(`| ${name} | ${median.toFixed(0)} ms | ${quantile(sorted, 0.9).toFixed(0)} ms | ${(median - bare).toFixed(0)} ms |`);
}
