import { describe, expect, it } from 'vitest';
import { isoWeekOf, weekRange, weeksBetween, weeksEndingAt } from '../../../collector/server/dashboard/iso-week';

describe('ISO weeks', () => {
  it('puts days in the right week, across year ends', () => {
    expect(isoWeekOf('2026-11-16')).toBe('2026-W47');
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47');
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2026-02-30')).toBeNull();
    expect(isoWeekOf('garbage')).toBeNull();
  });

  it('gives Monday to Sunday of a week, and refuses weeks that do not exist', () => {
    expect(weekRange('2026-W47')).toEqual({ week: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    expect(weekRange('2025-W01')).toEqual({ week: '2025-W01', from: '2024-12-30', to: '2025-01-05' });
    expect(weekRange('2020-W53')).toEqual({ week: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
    expect(weekRange('2025-W53')).toBeNull();
    expect(weekRange('2026-W53')).toEqual({ week: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(weekRange('2026-W00')).toBeNull();
    expect(weekRange('2026-47')).toBeNull();
  });

  it('lists consecutive weeks', () => {
    expect(weeksBetween('2020-12-25', '2021-01-11')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(weeksEndingAt('2021-W01', 3)).toEqual(['2020-W52', '2020-W53', '2021-W01']);
    expect(weeksBetween('2026-11-23', '2026-11-16')).toEqual([]);
  });
});
