import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { onRollupLog } from '../../scripts/rollup-warnings';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard is static files served by the collector at `/`; its data comes from /api/v1/dashboard. */
export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 300,
    rollupOptions: { onLog: onRollupLog },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
