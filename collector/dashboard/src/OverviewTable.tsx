import type { OverviewResponse } from '../../server/dashboard/api-types';
import { EventHeaderCells } from './EventHeaderCells';
import { messengerName } from '../../../rules/messenger-name';
import { EVENTS, formatNumber, weekLabel } from './labels';

/** District (or region) totals for the week: one row per messenger that has any count. */
export function OverviewTable({ overview }: { overview: OverviewResponse }) {
  const rows = overview.messengers.filter((row) => EVENTS.some((event) => row.counts[event] > 0));
  return (
    <section class="card overview" aria-labelledby="overview-title">
      <h2 id="overview-title">Итоги недели</h2>
      <p class="muted">{weekLabel(overview.week)}</p>
      {rows.length === 0 ? (
        <p>За эту неделю событий нет.</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Мессенджер</th>
                <EventHeaderCells />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.messenger}>
                  <th scope="row">{messengerName(row.messenger)}</th>
                  {EVENTS.map((event) => (
                    <td class="num" key={event}>
                      {formatNumber(row.counts[event])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Всего</th>
                {EVENTS.map((event) => (
                  <td class="num" key={event}>
                    {formatNumber(overview.totals[event])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
