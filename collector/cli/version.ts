import { readFileSync } from 'node:fs';

/** The release, as package.json says (the extension is built with the same number). */
export function collectorVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
