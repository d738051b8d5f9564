import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import type { EventName } from '../../../protocol/events';
import type { TrendResponse } from '../../server/dashboard/api-types';
import { messengerName } from '../../../rules/messenger-name';
import { EVENT_LABELS, MESSENGER_COLORS, formatShare, weekShortLabel } from './labels';

type Measure = Extract<EventName, 'opened' | 'nudge_shown' | 'alternative_opened'> | 'share';
const MEASURES: Measure[] = ['opened', 'nudge_shown', 'alternative_opened', 'share'];
const measureLabel = (measure: Measure) => (measure === 'share' ? 'Доля переходов в Сферум' : EVENT_LABELS[measure]);

function chartData(trend: TrendResponse, measure: Measure): { series: uPlot.Series[]; data: uPlot.AlignedData } {
  const x = trend.weeks.map((_, i) => i);
  if (measure === 'share') {
    const percent = trend.share.map((ratio) => (ratio === null ? null : Math.round(ratio * 1000) / 10));
    return { series: [{}, { label: 'Доля, %', stroke: '#1a7f37', width: 2, value: (_u, v) => formatShare(v === null ? null : v / 100) }], data: [x, percent] };
  }
  const withData = trend.series.filter((s) => s.counts[measure].some((n) => n > 0));
  return {
    series: [{}, ...withData.map((s) => ({ label: messengerName(s.messenger), stroke: MESSENGER_COLORS[s.messenger], width: 2 }))],
    data: [x, ...withData.map((s) => s.counts[measure])],
  };
}

/** Weekly trend per messenger (uPlot on a canvas), with a choice of what to plot. */
export function TrendChart({ trend }: { trend: TrendResponse }) {
  const [measure, setMeasure] = useState<Measure>('opened');
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = host.current!;
    const { series, data } = chartData(trend, measure);
    const width = () => Math.max(280, target.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 300,
        series: [{ label: 'Неделя', value: (_u, i) => (i === null ? '—' : (trend.weeks[i] ?? '')) }, ...series.slice(1)],
        scales: { x: { time: false } },
        axes: [
          { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? weekShortLabel(trend.weeks[i] ?? '') : '')), incrs: [1, 2, 4, 8, 13, 26, 52] },
          { values: (_u, splits) => splits.map((v) => (measure === 'share' ? `${v} %` : v.toLocaleString('ru-RU'))), size: 60 },
        ],
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
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
  }, [trend, measure]);

  const first = trend.weeks[0] ?? '';
  const last = trend.weeks.at(-1) ?? '';
  return (
    <section class="card" aria-labelledby="trend-title">
      <div class="card-head">
        <h2 id="trend-title">По неделям</h2>
        <label>
          Показать:{' '}
          <select value={measure} onChange={(e) => setMeasure(e.currentTarget.value as Measure)}>
            {MEASURES.map((m) => (
              <option value={m} key={m}>
                {measureLabel(m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <figure>
        <div
          ref={host}
          class="chart"
          role="img"
          aria-label={`График «${measureLabel(measure)}» по мессенджерам за недели с ${first} по ${last}`}
          data-testid="trend-chart"
        />
        <figcaption class="muted">Каждая точка — сумма за неделю (понедельник–воскресенье), подписи — понедельник недели.</figcaption>
      </figure>
    </section>
  );
}
