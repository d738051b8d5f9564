import type { Rollup } from 'vite';

/**
 * zod's published files carry `@__PURE__` comments in places Rollup cannot use; Rollup drops them and
 * prints a screenful per build that looks like an error to someone installing for the first time.
 * Only that warning, only for zod: anything else still reaches the console. (`onLog`, not `onwarn`:
 * the Preact preset sets its own `onwarn`, which would replace ours.)
 */
export function onRollupLog(level: Rollup.LogLevel, log: Rollup.RollupLog, handler: Rollup.LogHandler): void {
  if (level === 'warn' && log.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(log.id ?? '')) return;
  handler(level, log);
}
