import { readdirSync, readFileSync } from 'node:fs';

/** The names of this process's threads, as `top -H` shows them (Linux). */
export function threadNames(): string[] {
  return readdirSync('/proc/self/task').map((tid) => readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim());
}
