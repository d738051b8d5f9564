import type { ReportResponse } from '../../server/dashboard/api-types';
import { countOf } from '../../../i18n/typography';
import { formatCell, formatShare, formatChange, formatPointChange } from './labels';

const OPENS = { one: 'открытие', few: 'открытия', many: 'открытий' };
const SCHOOLS = { one: 'школа', few: 'школы', many: 'школ' };

/** The week's headline: the ministry's weekly indicators, each with its change against the week before. */
export function Headline({ report }: { report: ReportResponse }) {
  const { opened, visits, usingAlternative, noForeignOpens, nudgeToSferum } = report.headline;
  return (
    <section class="card headline" aria-labelledby="headline-title">
      <h2 id="headline-title">Итоги недели</h2>
      <dl class="figures" data-testid="headline">
        <div>
          <dt>Открытия иностранных мессенджеров</dt>
          <dd class="big" data-testid="headline-opened">{formatCell(opened.value)}</dd>
          <dd class="muted">{formatChange(opened.change)}</dd>
        </div>
        <div>
          <dt>Визиты в Сферум и MAX</dt>
          <dd class="big" data-testid="headline-visits">{formatCell(visits.value)}</dd>
          <dd class="muted">{formatChange(visits.change)}</dd>
        </div>
        <div>
          <dt>Школы, заходившие в Сферум или MAX</dt>
          <dd class="big" data-testid="headline-using">{formatShare(usingAlternative.ratio)}</dd>
          <dd class="muted">
            {countOf('ru', usingAlternative.count, SCHOOLS)} из {usingAlternative.of}; {formatPointChange(usingAlternative.ratio, usingAlternative.previousRatio)}
          </dd>
        </div>
        <div>
          <dt>Школы без иностранных мессенджеров</dt>
          <dd class="big" data-testid="headline-clean">{formatShare(noForeignOpens.ratio)}</dd>
          <dd class="muted">
            {countOf('ru', noForeignOpens.count, SCHOOLS)} из {noForeignOpens.of} отчитавшихся; {formatPointChange(noForeignOpens.ratio, noForeignOpens.previousRatio)}
          </dd>
        </div>
        <div>
          <dt>Переходы в Сферум после подсказки</dt>
          <dd class="big" data-testid="share">{formatShare(nudgeToSferum.ratio)}</dd>
          <dd class="muted">{formatPointChange(nudgeToSferum.ratio, nudgeToSferum.previousRatio)}</dd>
        </div>
      </dl>
      {typeof opened.value === 'number' && <p class="sr-only">{countOf('ru', opened.value, OPENS)}</p>}
    </section>
  );
}
