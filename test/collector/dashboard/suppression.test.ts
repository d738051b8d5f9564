import { describe, expect, it } from 'vitest';
import { cornerHidden as cornerHiddenBy, lineCounts, suppress } from '../../../collector/server/dashboard/suppression';
import { linearlyDetermined, pinnedByBounds, possibleValues, type Published } from './support/differencing-attack';

/** The extended table as the dashboard would publish it. */
function publish(cells: number[][], columns: number): Published {
  const { state } = suppress(cells, columns);
  const ext = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, c) => ext.reduce((a, row) => a + row[c]!, 0));
  return [...ext, totals].map((row, r) => row.map((n, c) => (state[r]![c] === 'shown' ? n : state[r]![c] === 'small' ? '<5' : '×')));
}

function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/** Tables like a district's week: many zeros, many 1–4, some large; a few schools or many. */
function table(next: () => number, rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => {
      const x = next();
      return x < 0.35 ? 0 : x < 0.7 ? 1 + Math.floor(next() * 4) : 5 + Math.floor(next() * 40);
    }),
  );
}

const cornerHidden = (rowTotals: number[], columnTotals: number[], total: number) => cornerHiddenBy(lineCounts(rowTotals), lineCounts(columnTotals), total);

describe('complementary suppression against a differencing attack', () => {
  it('shows 1–4 as «<5», zero as 0 and never hides a zero', () => {
    const published = publish([[0, 3, 12], [7, 0, 9]], 3);
    expect(published[0]![0]).toBe(0);
    expect(published[0]![1]).toBe('<5');
    expect(published[1]![1]).toBe(0);
    for (const row of published) for (const cell of row) if (cell === '×' || cell === '<5') expect(cell).not.toBe(0);
  });

  it('hides a partner when a row total would give a «<5» away', () => {
    // 3 + 12 = 15: the total minus 12 is 3, so 12 (or the total) must be hidden too.
    const published = publish([[3, 12], [20, 30]], 2);
    expect(linearlyDetermined(published).filter(([r, c]) => published[r]![c] === '<5')).toEqual([]);
    expect(published[0]!.filter((cell) => typeof cell !== 'number').length).toBeGreaterThanOrEqual(2);
  });

  it('leaves no hidden cell that sums and differences of published figures pin down (1,000 random weeks)', () => {
    const next = random(12);
    for (let i = 0; i < 1000; i += 1) {
      const rows = 1 + Math.floor(next() * (i % 10 === 0 ? 60 : 8));
      const columns = 1 + Math.floor(next() * 9);
      const published = publish(table(next, rows, columns), columns);
      // A «×» cell may be solvable (it is no secret: at least 5); no «<5» may be.
      expect(linearlyDetermined(published).filter(([r, c]) => published[r]![c] === '<5'), JSON.stringify(published)).toEqual([]);
      expect(pinnedByBounds(published), JSON.stringify(published)).toEqual([]);
    }
  });

  it('keeps a district-sized week readable: 500 schools × 9 messengers, «<5» shown, nothing recoverable', () => {
    const next = random(2026);
    const cells = table(next, 500, 9);
    const { masked } = suppress(cells, 9);
    const published = publish(cells, 9);
    expect(masked).toBe(false);
    const units = published.slice(0, -1).flatMap((row) => row.slice(0, -1));
    const nonZero = cells.flat().filter((n) => n > 0).length;
    expect(units.filter((cell) => cell === '<5').length).toBe(cells.flat().filter((n) => n > 0 && n < 5).length);
    // Partners are few: most of the district's non-zero figures stay readable.
    expect(units.filter((cell) => cell === '×').length).toBeLessThan(nonZero / 4);
    expect(linearlyDetermined(published).filter(([r, c]) => published[r]![c] === '<5')).toEqual([]);
    expect(pinnedByBounds(published)).toEqual([]);
  });

  it('leaves every «<5» at least two possible values, by brute force over small weeks', () => {
    const next = random(99);
    let attacked = 0;
    for (let i = 0; i < 400; i += 1) {
      const cells = table(next, 1 + Math.floor(next() * 3), 1 + Math.floor(next() * 3)).map((row) => row.map((n) => (n > 12 ? 5 + (n % 8) : n)));
      const published = publish(cells, cells[0]!.length);
      const total = published.at(-1)!.at(-1)!;
      const hiddenUnits = published.slice(0, -1).flatMap((row) => row.slice(0, -1)).filter((cell) => typeof cell !== 'number').length;
      // The grand total bounds every cell, so the search is complete up to it.
      if (typeof total !== 'number' || hiddenUnits > 4) continue;
      attacked += 1;
      for (const [cell, values] of possibleValues(published, total)) expect(values.size, `${cell} in ${JSON.stringify(published)}`).toBeGreaterThan(1);
    }
    expect(attacked).toBeGreaterThan(100);
  });

  it('hides the grand total when it is small or would give a school\'s «<5» away', () => {
    expect(cornerHidden([0, 3, 0], [3], 3)).toBe(true);
    expect(cornerHidden([0, 9, 0], [4, 5], 9)).toBe(false);
    expect(cornerHidden([0, 3, 9], [12], 12)).toBe(false);
    expect(cornerHidden([1, 5], [6], 6)).toBe(true);
    expect(cornerHidden([4, 4, 4], [12], 12)).toBe(true);
    expect(cornerHidden([3], [3], 3)).toBe(true);
    expect(cornerHidden([3, 40, 9], [52], 52)).toBe(false);
  });
});
