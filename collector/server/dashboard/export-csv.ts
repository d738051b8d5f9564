import { toCsv, type CsvCell } from './csv';
import { MEASURE_TITLES, legend, totalsTitle, unitTitle } from './report-labels';
import type { WeekReport } from './week-report';

/** The week's report for Russian Excel: `;`, a BOM, one row per school with its name, a totals row. */
export function weekCsv(report: WeekReport): string {
  const header = ['Неделя', 'Код', unitTitle(report), ...report.measures.map((m) => MEASURE_TITLES[m])];
  const rows: CsvCell[][] = report.units.map((unit) => [report.week, { code: unit.code }, unit.name, ...report.measures.map((m) => unit.cells[m])]);
  rows.push([report.week, '', totalsTitle(report), ...report.measures.map((m) => report.totals[m])]);
  for (const line of legend(report)) rows.push(['', '', line]);
  return toCsv(header, rows);
}
