#!/usr/bin/env node
// Runs the collector's TypeScript directly through tsx, so `npx podskazka-collector` works after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
