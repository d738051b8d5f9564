import { useState } from 'preact/hooks';
import type { ReportResponse, ReportUnit } from '../../server/dashboard/api-types';
import { LEGEND_HIDDEN, LEGEND_MASKED, LEGEND_SMALL, MEASURE_TITLES, TARGET_TITLES } from '../../server/dashboard/report-labels';
import { messengerName } from '../../../rules/messenger-name';
import { formatCell } from './labels';

type Measure = ReportResponse['measures'][number];
type Sort = { by: 'name' | Measure; descending: boolean };

/** A published cell as a sort key: «<5» between 0 and 5, «×» (unknown) below everything. */
const sortValue = (cell: ReportUnit['cells']['opened']) => (typeof cell === 'number' ? cell : cell === '<5' ? 2.5 : -1);
const collator = new Intl.Collator('ru', { numeric: true });

function compare(sort: Sort) {
  return (a: ReportUnit, b: ReportUnit) => {
    const order = sort.by === 'name' ? collator.compare(a.name, b.name) || collator.compare(a.code, b.code) : sortValue(a.cells[sort.by as Measure]) - sortValue(b.cells[sort.by as Measure]);
    return sort.descending ? -order : order;
  };
}

/** One row per school (or district), sortable by any column; a row opens into its messengers and Sferum/MAX targets. */
export function SchoolTable({ report }: { report: ReportResponse }) {
  const [sort, setSort] = useState<Sort>({ by: 'name', descending: false });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (code: string) => setOpen((current) => {
    const next = new Set(current);
    if (!next.delete(code)) next.add(code);
    return next;
  });
  const header = (by: Sort['by'], title: string, className = 'num') => (
    <th scope="col" class={className} aria-sort={sort.by === by ? (sort.descending ? 'descending' : 'ascending') : 'none'} key={by}>
      <button type="button" class="sort" onClick={() => setSort({ by, descending: sort.by === by ? !sort.descending : by !== 'name' })}>
        {title}
      </button>
    </th>
  );
  const events = report.measures.filter((m): m is Exclude<Measure, 'visits'> => m !== 'visits');
  const cells = report.units.flatMap((u) => Object.values(u.cells));
  const rows = [...report.units].sort(compare(sort));
  const kind = report.unitKind === 'school' ? 'Школа' : 'Район';
  return (
    <section class="card" aria-labelledby="units-title">
      <h2 id="units-title">{report.unitKind === 'school' ? 'По школам' : 'По районам'}</h2>
      {report.units.length === 0 ? (
        <p>За эту неделю отчётов нет.</p>
      ) : (
        <div class="scroll">
          <table data-testid="unit-table">
            <thead>
              <tr>
                {header('name', kind, '')}
                {report.measures.map((m) => header(m, MEASURE_TITLES[m]))}
              </tr>
            </thead>
            <tbody>
              {rows.map((unit) => [
                <tr key={unit.code} class={unit.listed ? '' : 'unlisted'}>
                  <th scope="row">
                    <button type="button" class="expand" aria-expanded={open.has(unit.code)} onClick={() => toggle(unit.code)} disabled={unit.messengers.length + unit.targets.length === 0}>
                      {unit.name}
                    </button>
                    {report.unitKind === 'school' && <span class="muted"> {unit.code}</span>}
                  </th>
                  {report.measures.map((m) => (
                    <td class={typeof unit.cells[m] === 'number' ? 'num' : 'num small'} key={m}>
                      {formatCell(unit.cells[m])}
                    </td>
                  ))}
                </tr>,
                ...(open.has(unit.code)
                  ? [
                      ...unit.messengers.map((row) => (
                        <tr key={`${unit.code}/${row.messenger}`} class="detail">
                          <td>{messengerName(row.messenger)}</td>
                          {report.measures.map((m) => (
                            <td class="num" key={m}>{m === 'visits' ? '' : formatCell(row.cells[m])}</td>
                          ))}
                        </tr>
                      )),
                      ...unit.targets.map((row) => (
                        <tr key={`${unit.code}/${row.target}`} class="detail">
                          <td>{TARGET_TITLES[row.target]}</td>
                          {report.measures.map((m) => (
                            <td class="num" key={m}>{m === 'visits' ? formatCell(row.visits) : ''}</td>
                          ))}
                        </tr>
                      )),
                    ]
                  : []),
              ])}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{report.unitKind === 'school' ? 'Итого' : 'Итого по региону'}</th>
                {report.measures.map((m) => (
                  <td class="num" key={m}>{formatCell(report.totals[m])}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p class="muted legend">
        {[cells.includes('<5') ? LEGEND_SMALL : '', cells.includes('×') ? LEGEND_HIDDEN : '', report.masked ? LEGEND_MASKED : '', events.length < 7 ? 'Столбцы, где за неделю везде 0, не показаны.' : ''].filter(Boolean).join(' ')}
      </p>
    </section>
  );
}
