import { EVENT_NAMES } from '../../../protocol/events';
import { messengerName } from '../../../rules/messenger-name';
import type { UnitsResponse } from './api-types';
import { toCsv } from './csv';
import { EVENT_TITLES } from './event-titles';

/** One row per school (or district) × messenger, one column per event, "<5" already applied. */
export function weekCsv(units: UnitsResponse): string {
  const unitTitle = units.unitKind === 'school' ? 'Школа' : 'Район';
  const header = ['Неделя', unitTitle, 'Мессенджер', ...EVENT_NAMES.map((event) => EVENT_TITLES[event])];
  const rows = units.rows.map((row) => [
    units.week,
    { code: row.unit },
    messengerName(row.messenger),
    ...EVENT_NAMES.map((event) => row.cells[event]),
  ]);
  return toCsv(header, rows);
}
