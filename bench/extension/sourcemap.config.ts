// `npx wxt build -c bench/extension/sourcemap.config.ts` builds with source maps into
// /tmp/podskazka-bench-build (not the shared .output), for bundle-size.ts's breakdown.
import base from '../../wxt.config';

const baseVite = base.vite as unknown as (env: unknown) => Record<string, unknown>;

export default {
  ...base,
  outDir: '/tmp/podskazka-bench-build',
  vite: (env: unknown) => ({ ...baseVite(env), build: { sourcemap: true } }),
};
