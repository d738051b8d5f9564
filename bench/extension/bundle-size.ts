// Content-script bundle size, raw and gzip (level 9), of the built extension, with the largest
// contributors when the build has a source map. Usage: npx wxt build && npx tsx bench/extension/bundle-size.ts
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { content_scripts?: { js: string[] }[] };
const GOAL = 15 * 1024;
const gzipBytes = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;

for (const script of manifest.content_scripts ?? []) {
  for (const file of script.js) {
    const code = readFileSync(`${dir}/${file}`);
    const gzip = gzipBytes(code);
    console.log(`${file}: ${(code.length / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip (${gzip} bytes; goal ≤ ${GOAL / 1024} KiB: ${gzip <= GOAL ? 'met' : 'missed'})`);
    if (existsSync(`${dir}/${file}.map`)) await printContributors(`${dir}/${file}`);
  }
}

/** Package (or our own file) a source-map source belongs to. */
function origin(source: string): string {
  return source.replace(/.*node_modules\/((@[^/]+\/)?[^/]+)(\/v4\/(mini|core|classic))?.*/, '$1$3').replace(/^(\.\.\/)+work\/main\//, '');
}

/**
 * Minified bytes per origin, from the source map (build with sourcemap to see it), and what the
 * gzip file would lose without them: gzip shares strings across origins, so that is the fair share.
 */
async function printContributors(file: string) {
  const { SourceMapConsumer } = await import('source-map-js');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  lines.reduce((offset, line) => (lineStarts.push(offset), offset + line.length + 1), 0);
  const ranges = new Map<string, [number, number][]>();
  let previous: { line: number; column: number; source: string } | undefined;
  new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8'))).eachMapping((mapping) => {
    if (previous) {
      const start = lineStarts[previous.line - 1]! + previous.column;
      const end = previous.line === mapping.generatedLine ? lineStarts[previous.line - 1]! + mapping.generatedColumn : lineStarts[previous.line - 1]! + lines[previous.line - 1]!.length;
      const key = origin(previous.source);
      ranges.set(key, [...(ranges.get(key) ?? []), [start, end]]);
    }
    previous = { line: mapping.generatedLine, column: mapping.generatedColumn, source: mapping.source ?? '?' };
  });
  const total = gzipBytes(text);
  const rows = [...ranges].map(([key, spans]) => {
    const kept = new Uint8Array(text.length).fill(1);
    for (const [start, end] of spans) kept.fill(0, start, end);
    const without = [...text].filter((_, index) => kept[index]).join('');
    return { key, raw: spans.reduce((sum, [start, end]) => sum + end - start, 0), gzip: total - gzipBytes(without) };
  });
  console.log('   raw KiB  gzip bytes  origin');
  for (const row of rows.sort((a, b) => b.gzip - a.gzip).slice(0, 16)) {
    console.log(`  ${(row.raw / 1024).toFixed(1).padStart(7)}  ${String(row.gzip).padStart(10)}  ${row.key}`);
  }
}
