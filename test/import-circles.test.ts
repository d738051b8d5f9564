import madge from 'madge';
import { describe, expect, it } from 'vitest';

/**
 * Data flows one way (rules → content script → background → protocol → collector → dashboard):
 * no module of the source tree may import, even as a type, one that imports it back.
 */
describe('the source tree', () => {
  it('has no import circles', { timeout: 120_000 }, async () => {
    const graph = await madge('.', {
      fileExtensions: ['ts', 'tsx', 'mts', 'mjs', 'js'],
      tsConfig: 'tsconfig.json',
      excludeRegExp: [/node_modules/, /^\.output\//, /^\.wxt\//, /dist\//, /^test\//],
      detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
    });
    const modules = graph.obj();
    // The graph must really be the tree's, imports resolved, before "no circles" means anything.
    expect(Object.keys(modules).length).toBeGreaterThan(100);
    expect(modules['collector/storage/store-batches.ts']).toContain('collector/storage/postgres-store.ts');
    expect(modules['background/reporting/reporter.ts']).toContain('background/serial.ts');
    expect(graph.circular()).toEqual([]);
  });
});
