import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import type { TrendResponse } from '../../server/dashboard/api-types';
import { formatCell, formatShare, weekShortLabel } from './labels';

type View = 'counts' | 'share';
const numberOrNull = (cell: number | string) => (typeof cell === 'number' ? cell : null);

function chartData(trend: TrendResponse, view: View): { series: uPlot.Series[]; data: uPlot.AlignedData } {
  const x = trend.weeks.map((_, i) => i);
  if (view === 'share') {
    const percent = trend.share.map((ratio) => (ratio === null ? null : Math.round(ratio * 1000) / 10));
    return { series: [{}, { label: 'Переходы в Сферум после подсказки', stroke: '#1a7f37', width: 2, value: (_u, v) => formatShare(v === null ? null : v / 100) }], data: [x, percent] };
  }
  // A hidden week («<5», «×») is a gap in its line, and the legend shows it as it is published.
  const shown = (cells: (number | string)[]) => (_u: uPlot, _v: number | null, _s: number, i: number | null) => (i === null ? '' : formatCell(cells[i] ?? ''));
  return {
    series: [
      {},
      { label: 'Открытия иностранных мессенджеров', stroke: '#d55e00', width: 2, value: shown(trend.series.opened) },
      { label: 'Визиты в Сферум и MAX', stroke: '#0072b2', width: 2, value: shown(trend.series.visits) },
    ],
    data: [x, trend.series.opened.map(numberOrNull), trend.series.visits.map(numberOrNull)],
  };
}

/** The last weeks' totals (uPlot on a canvas): foreign-messenger opens against Sferum/MAX visits, or the nudge's share. */
export function TrendChart({ trend }: { trend: TrendResponse }) {
  const [view, setView] = useState<View>('counts');
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = host.current!;
    const { series, data } = chartData(trend, view);
    const width = () => Math.max(280, target.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 300,
        series: [{ label: 'Неделя', value: (_u, i) => (i === null ? '' : weekShortLabel(trend.weeks[i] ?? '')) }, ...series.slice(1)],
        scales: { x: { time: false } },
        axes: [
          { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? weekShortLabel(trend.weeks[i] ?? '') : '')), incrs: [1, 2, 4, 8, 13, 26, 52] },
          { values: (_u, splits) => splits.map((v) => (view === 'share' ? `${v}\u00a0%` : v.toLocaleString('ru-RU'))), size: 60 },
        ],
        // Without a hovered point the legend would show uPlot's "--": it shows the last week instead.
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
        hooks: { ready: [(u) => u.setLegend({ idx: trend.weeks.length - 1 })] },
      },
      data,
      target,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 300 }));
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [trend, view]);

  return (
    <section class="card" aria-labelledby="trend-title">
      <div class="card-head">
        <h2 id="trend-title">По неделям</h2>
        <label>
          Показать:{' '}
          <select value={view} onChange={(e) => setView(e.currentTarget.value as View)}>
            <option value="counts">Открытия и визиты в Сферум</option>
            <option value="share">Доля переходов после подсказки</option>
          </select>
        </label>
      </div>
      <figure>
        <div ref={host} class="chart" role="img" aria-label={`График по неделям с ${weekShortLabel(trend.weeks[0] ?? '')} по ${weekShortLabel(trend.weeks.at(-1) ?? '')}`} data-testid="trend-chart" />
        <figcaption class="muted">Каждая точка — сумма за неделю (понедельник–воскресенье), подписи — понедельник недели. Скрытые недели — разрыв линии.</figcaption>
      </figure>
    </section>
  );
}
