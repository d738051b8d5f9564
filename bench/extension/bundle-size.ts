// Content-script bundle size, raw and gzip (level 9), of the built extension, with the largest
// contributors when the build has a source map. Usage: npx wxt build && npx tsx bench/extension/bundle-size.ts
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { content_scripts?: { js: string[] }[] };
const GOAL = 15 * 1024;

for (const script of manifest.content_scripts ?? []) {
  for (const file of script.js) {
    const code = readFileSync(`${dir}/${file}`);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`${file}: ${(code.length / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip (goal ≤ ${GOAL / 1024} KiB: ${gzip <= GOAL ? 'met' : 'missed'})`);
    if (existsSync(`${dir}/${file}.map`)) await printContributors(`${dir}/${file}`);
  }
}

/** Bytes of minified output per package, from the source map (build with sourcemap to see it). */
async function printContributors(file: string) {
  const { SourceMapConsumer } = await import('source-map-js');
  const code = readFileSync(file, 'utf8').split('\n');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const sizes = new Map<string, number>();
  let previous: { line: number; column: number; source: string } | undefined;
  map.eachMapping((mapping) => {
    if (previous) {
      const end = previous.line === mapping.generatedLine ? mapping.generatedColumn : code[previous.line - 1]!.length;
      const key = previous.source.replace(/.*node_modules\/((@[^/]+\/)?[^/]+)(\/v4\/(mini|core|classic))?.*/, '$1$3').replace(/^(\.\.\/)+work\/main\//, '');
      sizes.set(key, (sizes.get(key) ?? 0) + end - previous.column);
    }
    previous = { line: mapping.generatedLine, column: mapping.generatedColumn, source: mapping.source ?? '?' };
  });
  for (const [source, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} KiB  ${source}`);
}
