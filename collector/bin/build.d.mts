import type { BuildResult } from 'esbuild';

export function bundle(entry: string, bundleFile: string): Promise<BuildResult<{ write: false; metafile: true }>>;
export function buildCollector(): Promise<string[]>;
export function bundleIsCurrent(): Promise<boolean>;
export const BUNDLE_URL: string;
