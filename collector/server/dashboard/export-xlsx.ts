import ExcelJS from 'exceljs';
import { formatWeekRange } from './week-dates';
import { MEASURE_TITLES, legend, totalsTitle, unitTitle } from './report-labels';
import type { WeekReport } from './week-report';
import type { Published } from './week-tables';

const percent = (ratio: number | null) => (ratio === null ? '—' : ratio);

/** The week's report as an XLSX workbook: «Сводка» (headline and coverage) and «По школам» (one row per school, totals). */
export async function weekXlsx(report: WeekReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Подсказка';
  const summary = book.addWorksheet('Сводка');
  summary.columns = [{ width: 52 }, { width: 18 }, { width: 18 }];
  summary.addRow([`Неделя ${formatWeekRange(report.from, report.to)}${report.inProgress ? ' (идёт, данные неполные)' : ''}`]).font = { bold: true };
  summary.addRow([report.scopeName]);
  summary.addRow([]);
  summary.addRow(['Показатель', 'Эта неделя', 'Прошлая неделя']).font = { bold: true };
  const { headline, coverage } = report;
  summary.addRow(['Открытия иностранных мессенджеров', headline.opened.value, headline.opened.previous]);
  summary.addRow(['Визиты в Сферум и MAX', headline.visits.value, headline.visits.previous]);
  for (const [title, share] of [
    ['Доля школ, заходивших в Сферум или MAX', headline.usingAlternative],
    ['Доля школ без открытий иностранных мессенджеров', headline.noForeignOpens],
  ] as const) {
    const row = summary.addRow([title, percent(share.ratio), percent(share.previousRatio)]);
    row.getCell(2).numFmt = '0.0%';
    row.getCell(3).numFmt = '0.0%';
  }
  const nudge = summary.addRow(['Переходы в Сферум после подсказки', percent(headline.nudgeToSferum.ratio), percent(headline.nudgeToSferum.previousRatio)]);
  nudge.getCell(2).numFmt = '0.0%';
  nudge.getCell(3).numFmt = '0.0%';
  if (coverage) {
    summary.addRow([]);
    summary.addRow(['Отчитались школ', coverage.reporting, `из ${coverage.listed}`]);
    for (const school of coverage.silent) summary.addRow([`Не отчиталась: ${school.name} (${school.code})`, school.lastDay ?? 'ни разу']);
    for (const district of coverage.districts) summary.addRow([`${district.name}: отчитались школ`, district.reporting, `из ${district.listed}`]);
  }
  summary.addRow([]);
  for (const line of legend(report)) summary.addRow([line]);

  const table = book.addWorksheet(report.unitKind === 'school' ? 'По школам' : 'По районам');
  table.columns = [{ header: 'Код', width: 16 }, { header: unitTitle(report), width: 48 }, ...report.measures.map((m) => ({ header: MEASURE_TITLES[m], width: 16 }))];
  table.getRow(1).font = { bold: true };
  const cell = (value: Published) => value;
  for (const unit of report.units) table.addRow([unit.code, unit.name, ...report.measures.map((m) => cell(unit.cells[m]))]);
  const totals = table.addRow(['', totalsTitle(report), ...report.measures.map((m) => cell(report.totals[m]))]);
  totals.font = { bold: true };
  // Codes stay text: "0101" must not become 101.
  table.getColumn(1).numFmt = '@';
  table.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
