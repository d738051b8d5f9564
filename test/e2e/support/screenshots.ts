/** Where a test's screenshot goes: docs/screenshots/ when asked (UPDATE_SCREENSHOTS=1), else test-results/, so a test run leaves the tree clean. */
export function screenshotPath(name: string): string {
  return process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : `test-results/screenshots/${name}`;
}
