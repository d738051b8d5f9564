import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../collector/server/dashboard/csv';

describe('toCsv', () => {
  it('keeps number-like and date-like codes as text for Excel, other codes as they are', () => {
    const codes = ['0123', '1e5', '1-2', '12.50', 'school-0547', '-1'].map((code) => [{ code }]);
    expect(toCsv(['orgId'], codes).split('\r\n').slice(1, -1)).toEqual(['"=""0123"""', '"=""1e5"""', '"=""1-2"""', '"=""12.50"""', 'school-0547', '"=""-1"""']);
  });
  it('separates with ";" for Russian Excel, quotes separators and quotes, and defuses spreadsheet formulas', () => {
    expect(toCsv(['a', 'b'], [['x;y', 'x,y'], ['say "hi"', 1], ['=1+1', '-2'], [-2, '<5']])).toBe('\uFEFFa;b\r\n"x;y";"x,y"\r\n"say ""hi""";1\r\n\'=1+1;\'-2\r\n-2;<5\r\n');
  });
});
