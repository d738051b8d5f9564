import type { UnitsResponse } from '../../server/dashboard/api-types';
import { EventHeaderCells } from './EventHeaderCells';
import { messengerName } from '../../../rules/messenger-name';
import { EVENTS, formatNumber } from './labels';

const cell = (value: number | string) => (typeof value === 'number' ? formatNumber(value) : value);

/** Per school (district user) or per district (region user); small numbers arrive as "<5" from the server. */
export function UnitTable({ units }: { units: UnitsResponse }) {
  const unitTitle = units.unitKind === 'school' ? 'Школа' : 'Район';
  return (
    <section class="card" aria-labelledby="units-title">
      <h2 id="units-title">{units.unitKind === 'school' ? 'По школам' : 'По районам'}</h2>
      <p class="muted">Значения меньше 5 за неделю показаны как «&lt;5», чтобы нельзя было узнать отдельного учителя.</p>
      {units.rows.length === 0 ? (
        <p>За эту неделю отчётов нет.</p>
      ) : (
        <div class="scroll">
          <table data-testid="unit-table">
            <thead>
              <tr>
                <th scope="col">{unitTitle}</th>
                <th scope="col">Мессенджер</th>
                <EventHeaderCells />
              </tr>
            </thead>
            <tbody>
              {units.rows.map((row) => (
                <tr key={`${row.unit}|${row.messenger}`}>
                  <th scope="row">{row.unit || 'без кода школы'}</th>
                  <td>{messengerName(row.messenger)}</td>
                  {EVENTS.map((event) => (
                    <td class={row.cells[event] === '<5' ? 'num small' : 'num'} key={event}>
                      {cell(row.cells[event])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
