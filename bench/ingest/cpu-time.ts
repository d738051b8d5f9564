import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where a load's CPU goes, from Linux's /proc: each thread of the server (by name: the collector
 * names its writer and fold threads), the local PostgreSQL's processes together, and the whole
 * machine. The bench's ratio to a bare server moves with the machine's speed from run to run;
 * CPU time per batch moves far less, and it tells which part to make cheaper. Where /proc is
 * missing the readings are empty.
 */
export interface CpuReading {
  /** By thread id: its name and CPU seconds so far. */
  threads: Map<string, Seconds & { name: string }>;
  postgres: Seconds;
  machine: { busy: number; all: number };
}

export interface CpuPerBatch {
  /** µs per batch by thread name (threads of one name summed), busiest first. */
  threads: [string, number][];
  server: number;
  /** Of `server`, in the kernel. */
  serverKernel: number;
  postgres: number;
  postgresKernel: number;
  /** Share of all the machine's cores busy, 0–1. */
  machineBusy: number;
}

/** CPU seconds so far, and how many of them in the kernel (system calls: sockets, files, wakeups). */
interface Seconds {
  seconds: number;
  kernel: number;
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export function readCpu(serverPid: number): CpuReading {
  return { threads: threadSeconds(serverPid), postgres: postgresSeconds(), machine: machineTicks() };
}

export function cpuPerBatch(before: CpuReading, after: CpuReading, batches: number): CpuPerBatch {
  const perBatch = (seconds: number) => (seconds * 1e6) / batches;
  const byName = new Map<string, number>();
  let serverKernel = 0;
  for (const [tid, { name, seconds, kernel }] of after.threads) {
    const earlier = before.threads.get(tid);
    byName.set(name, (byName.get(name) ?? 0) + seconds - (earlier?.seconds ?? 0));
    serverKernel += kernel - (earlier?.kernel ?? 0);
  }
  const threads = [...byName].map(([name, seconds]): [string, number] => [name, perBatch(seconds)]).sort((a, b) => b[1] - a[1]);
  const all = after.machine.all - before.machine.all;
  return {
    threads,
    server: threads.reduce((sum, [, us]) => sum + us, 0),
    serverKernel: perBatch(serverKernel),
    postgres: perBatch(after.postgres.seconds - before.postgres.seconds),
    postgresKernel: perBatch(after.postgres.kernel - before.postgres.kernel),
    machineBusy: all > 0 ? (after.machine.busy - before.machine.busy) / all : NaN,
  };
}

/** utime + stime and stime of a /proc stat line, in seconds (fields 14 and 15; the name may hold spaces). */
function statSeconds(stat: string): Seconds {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const kernel = Number(fields[12]) / ticksPerSecond;
  return { seconds: Number(fields[11]) / ticksPerSecond + kernel, kernel };
}

function threadSeconds(pid: number): CpuReading['threads'] {
  const threads: CpuReading['threads'] = new Map();
  for (const tid of list(`/proc/${pid}/task`)) {
    const stat = read(`/proc/${pid}/task/${tid}/stat`);
    if (stat) threads.set(tid, { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ...statSeconds(stat) });
  }
  return threads;
}

function postgresSeconds(): Seconds {
  const sum = { seconds: 0, kernel: 0 };
  for (const pid of list('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (!stat?.includes('(postgres)')) continue;
    const { seconds, kernel } = statSeconds(stat);
    sum.seconds += seconds;
    sum.kernel += kernel;
  }
  return sum;
}

function machineTicks(): { busy: number; all: number } {
  const [, ...fields] = (read('/proc/stat') ?? 'cpu 0').split('\n')[0]!.trim().split(/\s+/);
  const ticks = fields.slice(0, 8).map(Number);
  const all = ticks.reduce((sum, tick) => sum + tick, 0);
  return { busy: all - (ticks[3] ?? 0) - (ticks[4] ?? 0), all };
}

function list(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
