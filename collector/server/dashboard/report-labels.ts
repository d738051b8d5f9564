import type { AlternativeTarget } from '../../../protocol/alternatives';
import { EVENT_TITLES } from './event-titles';
import type { WeekReport } from './week-report';
import type { Measure } from './week-tables';

/** Column titles and legend of the week's report, the same on screen, in the XLSX, CSV and print page. */
export const MEASURE_TITLES: Record<Measure, string> = { ...EVENT_TITLES, visits: 'Визиты в Сферум и MAX' };

export const TARGET_TITLES: Record<AlternativeTarget, string> = { sferum: 'Сферум', max: 'MAX', vk_messenger: 'VK Мессенджер', district: 'Своя платформа района' };


export const LEGEND_SMALL = '«<5» — от 1 до 4 за неделю: так нельзя узнать отдельного учителя.';
export const LEGEND_HIDDEN = '«×» — скрыто, чтобы «<5» нельзя было вычислить по итогам.';
export const LEGEND_MASKED = 'В части столбцов скрыты все ненулевые значения: иначе малые числа вычислялись бы по итогам.';

export function legend(report: WeekReport): string[] {
  const cells = report.units.flatMap((unit) => [...Object.values(unit.cells), ...unit.messengers.flatMap((m) => Object.values(m.cells))]);
  return [cells.includes('<5') ? LEGEND_SMALL : '', cells.includes('×') ? LEGEND_HIDDEN : '', report.masked ? LEGEND_MASKED : ''].filter(Boolean);
}

export const unitTitle = (report: WeekReport) => (report.unitKind === 'school' ? 'Школа' : 'Район');
export const totalsTitle = (report: WeekReport) => (report.unitKind === 'school' ? 'Итого' : 'Итого по региону');
