// Compiles the collector's TypeScript (CLI and server) into one JavaScript file, so that it starts
// with plain `node` instead of compiling itself on every start. Run by `npm ci`/`npm install`
// (postinstall) and, when a source changed since, by the podskazka-collector command itself.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outFile = fileURLToPath(new URL('../dist/podskazka-collector.mjs', import.meta.url));
const inputsFile = fileURLToPath(new URL('../dist/inputs.json', import.meta.url));
const entry = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

/**
 * Files that find their neighbours through `import.meta.url` (the dashboard's static files, the
 * SQLite writer thread) keep finding them from the one bundle: their `import.meta.url` becomes the
 * URL of the source file they were written in.
 */
const sourceUrls = (bundleFile) => ({
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dirname(bundleFile), path).split('\\').join('/');
      const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
      return { contents, loader: path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
});

/** Compiles `entry` and what it imports into one ES module for plain `node` (not written: the output and its metafile). */
export async function bundle(entry, bundleFile) {
  const { build } = await import('esbuild');
  return build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: bundleFile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // one file loads faster than the hundreds of kysely, hono and zod; better-sqlite3 is native, pg
    // loads its optional native binding by name, exceljs is CommonJS requiring Node's modules: those
    // stay in node_modules
    external: ['better-sqlite3', 'pg', 'exceljs'],
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrls(bundleFile)],
  });
}

/** Builds the bundle; returns the paths of the source files it was made from. */
export async function buildCollector() {
  const result = await bundle(entry, outFile);
  // our sources, and npm's record of the installed packages (rewritten by every npm install or ci)
  const inputs = [...Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules')), 'node_modules/.package-lock.json', 'collector/bin/build.mjs'];
  // written aside and renamed: a collector starting meanwhile reads the old bundle or the new, whole
  await mkdir(dirname(outFile), { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  await writeFile(inputsFile + suffix, JSON.stringify(inputs));
  await writeFile(outFile + suffix, result.outputFiles[0].contents);
  await rename(inputsFile + suffix, inputsFile);
  await rename(outFile + suffix, outFile);
  return inputs;
}

/** True when the bundle exists and no source it was made from changed after it (or is gone). */
export async function bundleIsCurrent() {
  try {
    const [built, inputs] = await Promise.all([stat(outFile), readFile(inputsFile, 'utf8').then(JSON.parse)]);
    const sources = await Promise.all(inputs.map((input) => stat(`${root}/${input}`)));
    return sources.every((source) => source.mtimeMs <= built.mtimeMs);
  } catch {
    return false;
  }
}

export const BUNDLE_URL = new URL('../dist/podskazka-collector.mjs', import.meta.url).href;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const inputs = await buildCollector();
  console.log(`collector compiled: ${relative(root, outFile)} (${inputs.length} source files)`);
}
