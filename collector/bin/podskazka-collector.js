#!/usr/bin/env node
// The podskazka-collector command. Runs the collector compiled to JavaScript (collector/dist), and
// compiles it first when it is missing or a source file changed since (a second or two, once).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `podskazka-collector needs Node.js 22.12 or newer (24 LTS recommended), and this is Node ${process.version}.\n` +
      'In the project folder, `. scripts/ensure-node.sh` fetches Node 24 and puts it first on PATH for this shell.',
  );
  process.exit(1);
}

// V8's compiled code for the bundle is kept on disk (Node's compile cache): later starts skip parsing it
(await import('node:module')).enableCompileCache?.();
const { BUNDLE_URL, buildCollector, bundleIsCurrent } = await import('./build.mjs');
let entry = BUNDLE_URL;
if (!(await bundleIsCurrent())) {
  try {
    await buildCollector();
  } catch (error) {
    // a compile error was printed by esbuild; only a folder we may not write to is worked around:
    // the sources then run through tsx (slower to start, same code)
    if (!['EACCES', 'EPERM', 'EROFS'].includes(error.code)) process.exit(1);
    console.error(`podskazka-collector: cannot write collector/dist (${error.code}); running the TypeScript sources`);
    (await import('tsx/esm/api')).register();
    entry = new URL('../cli/main.ts', import.meta.url).href;
  }
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
